-- The pets in a small pet club. Every exercise in this track starts from this data.
CREATE TABLE pets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  age INTEGER,
  city TEXT
);

INSERT INTO pets (id, name, kind, age, city) VALUES
  (1, 'Rex', 'dog', 4, 'Leeds'),
  (2, 'Tom', 'cat', 3, 'York'),
  (3, 'Nibbles', 'rabbit', 1, 'Leeds'),
  (4, 'Polly', 'parrot', 12, 'Hull'),
  (5, 'Max', 'dog', 7, 'Leeds'),
  (6, 'Luna', 'cat', 5, 'York'),
  (7, 'Goldie', 'fish', 1, 'Bath'),
  (8, 'Daisy', 'dog', 2, 'Leeds'),
  (9, 'Milo', 'cat', 6, 'Hull'),
  (10, 'Bramble', 'rabbit', 3, 'York');
