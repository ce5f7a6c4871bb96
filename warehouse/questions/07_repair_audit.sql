-- How much of each document was mojibake, and by which rule was it repaired?
SELECT d.doc_id, d.mojibake, r.rule, count(*) AS changes, round(avg(r.confidence), 2) AS avg_confidence
FROM documents d JOIN repairs r USING (doc_id)
GROUP BY ALL
ORDER BY changes DESC;
