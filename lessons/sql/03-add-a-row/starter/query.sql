-- TODO: Add a cat called Bella. She is 2 years old and lives in York.

SELECT * FROM pets;
