-- TODO: Make id the PRIMARY KEY. Make name NOT NULL.
CREATE TABLE members (
  id INTEGER,
  name TEXT,
  city TEXT
);

-- Leave these rows as they are. Two of them should be refused.
INSERT OR IGNORE INTO members (id, name, city) VALUES (1, 'Ann Lee', 'Leeds');
INSERT OR IGNORE INTO members (id, name, city) VALUES (2, 'Ben Shah', 'York');
INSERT OR IGNORE INTO members (id, name, city) VALUES (2, 'Cara Jones', 'Hull');
INSERT OR IGNORE INTO members (id, name, city) VALUES (3, NULL, 'Bath');
INSERT OR IGNORE INTO members (id, name, city) VALUES (4, 'Dev Patel', 'Leeds');

SELECT * FROM members;
