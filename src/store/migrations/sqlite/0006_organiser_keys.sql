-- Which organiser keys each epoch's header opens to (space-separated public
-- keys): the workspace shows which keys open which period of signatures.
-- Epochs made before this column existed were sealed to the campaign's one
-- key of that time; for them it stays empty.
ALTER TABLE seal_epochs ADD COLUMN recipients TEXT;
