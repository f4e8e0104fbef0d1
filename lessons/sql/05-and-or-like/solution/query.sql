SELECT name, kind
FROM pets
WHERE (kind = 'cat' OR kind = 'dog') AND name LIKE '%o%';
