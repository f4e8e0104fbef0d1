-- TODO: Make email UNIQUE. Add a CHECK so age must be 16 or more.
CREATE TABLE signups (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  age INTEGER
);

-- Leave these rows as they are. Two of them should be refused.
INSERT OR IGNORE INTO signups (id, email, age) VALUES (1, 'ann@example.com', 34);
INSERT OR IGNORE INTO signups (id, email, age) VALUES (2, 'ben@example.com', 12);
INSERT OR IGNORE INTO signups (id, email, age) VALUES (3, 'cara@example.com', 16);
INSERT OR IGNORE INTO signups (id, email, age) VALUES (4, 'ann@example.com', 35);
INSERT OR IGNORE INTO signups (id, email, age) VALUES (5, 'dev@example.com', 51);

SELECT * FROM signups;
