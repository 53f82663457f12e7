-- Only for SchemaTemplateTest: a migration a later build might add, applied on top of the template.
CREATE TABLE later_test_table (id BIGINT PRIMARY KEY);
