-- The security team runs access reviews (issue 6): the built-in security auditor gains review.manage (PostgreSQL). It
-- still changes nothing else; a review's revocation is allowed by review.manage at the item's organisation.
-- core::builtinRoles() carries the same list (a test checks both agree).
UPDATE roles
   SET permissions = '["org.read","user.read","audit.read","review.manage"]',
       description = 'Reads everything and runs access reviews; changes nothing else.'
 WHERE id = 'security-auditor';
