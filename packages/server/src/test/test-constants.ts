/** `admin`'s password in every test database (the demo accounts share DEMO_PASSWORD). */
export const TEST_ADMIN_PASSWORD = 'Admin-Pass-2026';

/** The instant the test databases are prepared at, and where each test's manual clock starts. */
export const TEST_START = new Date('2026-11-28T02:00:00Z');
