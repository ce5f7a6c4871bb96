-- Analysts' views: SQL they can read and copy. Recreated on every write connection.

CREATE OR REPLACE VIEW people_titles AS
SELECT r.person, r.title, r.organization, count(DISTINCT r.doc_id) AS documents,
       min(d.year) AS first_year, max(d.year) AS last_year
FROM roles r JOIN documents d USING (doc_id)
GROUP BY ALL
ORDER BY documents DESC, person;

CREATE OR REPLACE VIEW event_timeline AS
SELECT coalesce(CAST(e.start_date AS VARCHAR), e.start_md, '(undated)') AS "when",
       e.event_type, e.people, e.organizations, e.location, e.date_text, d.title, e.doc_id
FROM events e JOIN documents d USING (doc_id)
ORDER BY e.start_date NULLS LAST, e.start_md NULLS LAST;

CREATE OR REPLACE VIEW entity_comentions AS
SELECT a.entity_id AS entity_a, ea.name AS name_a, b.entity_id AS entity_b, eb.name AS name_b,
       count(*) AS sentences, count(DISTINCT a.doc_id) AS documents
FROM mentions a
JOIN mentions b ON a.doc_id = b.doc_id AND a.sentence = b.sentence AND a.entity_id < b.entity_id
JOIN entities ea ON ea.entity_id = a.entity_id
JOIN entities eb ON eb.entity_id = b.entity_id
GROUP BY ALL
ORDER BY sentences DESC;

CREATE OR REPLACE VIEW metrics_by_organization AS
SELECT coalesce(m.entity, '(unattributed)') AS organization, m.measure, m.value, m.unit,
       m.approximate, m.text, m.doc_id
FROM metrics m
ORDER BY organization, unit, value DESC;

CREATE OR REPLACE VIEW elements_near_export_controls AS
SELECT e.name AS element, count(DISTINCT m.doc_id) AS documents
FROM mentions m
JOIN entities e ON e.entity_id = m.entity_id AND e.entity_type = 'element'
JOIN documents d ON d.doc_id = m.doc_id
WHERE regexp_matches(lower(d.text), 'export control')
GROUP BY ALL
ORDER BY documents DESC, element;
