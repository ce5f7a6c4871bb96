-- Which rare-earth elements appear in articles that discuss export controls?
SELECT element, documents FROM elements_near_export_controls;
