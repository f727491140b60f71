-- The built-in roles of core::builtinRoles() (a test checks both lists agree).
INSERT INTO roles (id, key, name, description, permissions, org_id, created_at) VALUES
 ('platform-owner', 'platform-owner', 'Platform owner', 'Everything, everywhere below the org it is granted at.',
  '["org.read","org.manage","user.read","user.manage","user.invite","role.assign","flow.design","flow.publish","audit.read","review.manage"]',
  NULL, '2026-11-23T00:00:00Z'),
 ('security-auditor', 'security-auditor', 'Security auditor', 'Reads everything, changes nothing.',
  '["org.read","user.read","audit.read"]', NULL, '2026-11-23T00:00:00Z'),
 ('org-admin', 'org-admin', 'Organisation admin', 'Manages the organisation, its people and their roles.',
  '["org.read","org.manage","user.read","user.manage","user.invite","role.assign","audit.read","review.manage"]',
  NULL, '2026-11-23T00:00:00Z'),
 ('user-manager', 'user-manager', 'User manager', 'Invites and manages people.',
  '["org.read","user.read","user.manage","user.invite"]', NULL, '2026-11-23T00:00:00Z'),
 ('flow-designer', 'flow-designer', 'Flow designer', 'Designs and publishes login journeys.',
  '["org.read","flow.design","flow.publish"]', NULL, '2026-11-23T00:00:00Z'),
 ('member', 'member', 'Member', 'Belongs to the organisation; no administration rights.', '[]', NULL,
  '2026-11-23T00:00:00Z');
