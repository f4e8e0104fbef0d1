-- TODO: Keep only the kinds that have 2 or more pets.
SELECT kind, COUNT(*) AS pet_count
FROM pets
GROUP BY kind;
