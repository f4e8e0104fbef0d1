-- TODO: Delete every rabbit from the pets table. Keep all the other pets.
SELECT * FROM pets WHERE kind = 'rabbit';
