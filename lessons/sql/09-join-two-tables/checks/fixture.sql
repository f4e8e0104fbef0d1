-- The pet club again, now with a table of owners. Each pet has an owner_id.
-- It holds the id of the pet's owner in the owners table.
CREATE TABLE owners (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  phone TEXT
);

INSERT INTO owners (id, full_name, phone) VALUES
  (1, 'Ann Lee', '0113 496 0001'),
  (2, 'Ben Shah', '01904 496 002'),
  (3, 'Cara Jones', '01482 496 003'),
  (4, 'Dev Patel', '0113 496 0004'),
  (5, 'Eve Brown', '01225 496 005'),
  (6, 'Finn Wood', '01904 496 006');

CREATE TABLE pets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  age INTEGER,
  city TEXT,
  owner_id INTEGER REFERENCES owners (id)
);

INSERT INTO pets (id, name, kind, age, city, owner_id) VALUES
  (1, 'Rex', 'dog', 4, 'Leeds', 1),
  (2, 'Tom', 'cat', 3, 'York', 2),
  (3, 'Nibbles', 'rabbit', 1, 'Leeds', 1),
  (4, 'Polly', 'parrot', 12, 'Hull', 3),
  (5, 'Max', 'dog', 7, 'Leeds', 4),
  (6, 'Luna', 'cat', 5, 'York', 2),
  (7, 'Goldie', 'fish', 1, 'Bath', 3),
  (8, 'Daisy', 'dog', 2, 'Leeds', 4),
  (9, 'Milo', 'cat', 6, 'Hull', 3),
  (10, 'Bramble', 'rabbit', 3, 'York', 2);
