-- TODO: Keep only the cats and dogs that have the letter "o" in their name.
SELECT name, kind
FROM pets;
