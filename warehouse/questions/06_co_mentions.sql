-- Which entities are named in the same sentence most often?
SELECT name_a, name_b, sentences, documents
FROM entity_comentions
ORDER BY sentences DESC
LIMIT 20;
