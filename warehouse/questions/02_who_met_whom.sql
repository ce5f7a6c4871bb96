-- Who met whom, when and where (meetings, visits, inspections), newest first.
SELECT "when", event_type, people, organizations, location
FROM event_timeline
WHERE event_type IN ('meeting', 'visit', 'inspection')
ORDER BY "when" DESC;
