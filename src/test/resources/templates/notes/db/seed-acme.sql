INSERT INTO notes (title, body) VALUES ('Order anvils', 'Ten, heavy'), ('Fix rocket skates', 'Left one pulls');
INSERT INTO tags (note_id, tag) VALUES (1, 'purchasing'), (2, 'repairs');
