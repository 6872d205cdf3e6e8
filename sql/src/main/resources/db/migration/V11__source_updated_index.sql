-- Every node looks for sources changed since its last look (SearchService.syncFromDatabase).
CREATE INDEX ix_kb_source_updated_at ON kb_source (updated_at);
