-- TODO: Join the owners table. Show each pet's name and its owner's full_name.
SELECT pets.name
FROM pets;
