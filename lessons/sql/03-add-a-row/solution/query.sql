INSERT INTO pets (name, kind, age, city)
VALUES ('Bella', 'cat', 2, 'York');
