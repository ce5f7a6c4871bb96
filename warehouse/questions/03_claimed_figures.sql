-- Which companies claim which savings, capacities and prices?
SELECT organization, measure, value, unit, approximate
FROM metrics_by_organization
WHERE organization <> '(unattributed)'
ORDER BY organization, unit;
