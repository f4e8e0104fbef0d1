-- TODO: Add total_age, average_age, youngest and oldest for the dogs.
SELECT COUNT(*) AS dog_count
FROM pets
WHERE kind = 'dog';
