INSERT INTO entries (what, amount) VALUES ('opening balance', 100.00), ('coffee', -3.50);
