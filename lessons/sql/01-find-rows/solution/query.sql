SELECT name, age
FROM pets
WHERE city = 'Leeds';
