-- Only for SchemaTemplateTest: a migration a later build might add, applied on top of the template
-- (a version far beyond the shipped ones, so that adding a real migration never collides with it).
CREATE TABLE later_test_table (id BIGINT PRIMARY KEY);
