SELECT pets.name, owners.full_name
FROM pets
JOIN owners ON pets.owner_id = owners.id;
