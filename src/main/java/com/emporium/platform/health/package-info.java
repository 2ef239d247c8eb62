/** MicroProfile Health checks: started once migrated, ready while the database answers. */
package com.emporium.platform.health;
