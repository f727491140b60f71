#include "core/PasswordHasher.h"

// Implemented by the store work item (libargon2); see PasswordHasher.h for the contract.
