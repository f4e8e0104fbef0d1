SELECT COUNT(*) AS dog_count,
       SUM(age) AS total_age,
       AVG(age) AS average_age,
       MIN(age) AS youngest,
       MAX(age) AS oldest
FROM pets
WHERE kind = 'dog';
