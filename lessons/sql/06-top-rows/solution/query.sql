SELECT name, age
FROM pets
ORDER BY age DESC
LIMIT 3;
