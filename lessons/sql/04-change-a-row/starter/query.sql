-- TODO: It is Rex's birthday. Change his age to 5.

SELECT * FROM pets WHERE name = 'Rex';
