UPDATE pets
SET age = 5
WHERE name = 'Rex';
