DELETE FROM pets
WHERE kind = 'rabbit';
