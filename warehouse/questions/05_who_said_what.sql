-- Who said what, with the article it came from.
SELECT q.speaker, q.quote, d.title, q.doc_id
FROM quotes q JOIN documents d USING (doc_id)
ORDER BY q.speaker;
