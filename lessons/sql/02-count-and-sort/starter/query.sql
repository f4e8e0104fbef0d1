-- TODO: Show each city and how many pets live there. Call the count pet_count.
-- Put the city with the most pets first.
SELECT city FROM pets;
