-- TODO: Show only the name and age of the pets that live in Leeds.
SELECT * FROM pets;
