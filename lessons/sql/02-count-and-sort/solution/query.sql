SELECT city, COUNT(*) AS pet_count
FROM pets
GROUP BY city
ORDER BY pet_count DESC;
