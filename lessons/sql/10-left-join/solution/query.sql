SELECT owners.full_name, pets.name
FROM owners
LEFT JOIN pets ON pets.owner_id = owners.id;
