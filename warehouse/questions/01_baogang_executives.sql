-- Which Baogang executives appear, with which titles, in how many articles?
SELECT person, title, documents
FROM people_titles
WHERE organization = 'Baogang Group'
ORDER BY documents DESC, person, title;
