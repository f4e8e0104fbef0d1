-- TODO: Every owner must be in the list, even owners who have no pet.
SELECT owners.full_name, pets.name
FROM owners
JOIN pets ON pets.owner_id = owners.id;
