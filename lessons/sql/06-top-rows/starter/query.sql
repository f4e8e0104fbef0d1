-- TODO: Show only the three oldest pets. Put the oldest first.
SELECT name, age
FROM pets;
