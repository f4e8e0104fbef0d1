SELECT kind, COUNT(*) AS pet_count
FROM pets
GROUP BY kind
HAVING COUNT(*) >= 2;
