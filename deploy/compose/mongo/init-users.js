// Run by compose's mongo-init as root (mongosh <uri> init-users.js), at every start: creates or updates each service
// instance's user with readWrite on its own databases only (issue 21 finding 6). participant-service has two users:
// its data's, which cannot read the key vault, and its key vault's, which cannot read the data. Passwords come from
// the environment (compose requires them); the users authenticate against the admin database (authSource=admin).
const territory = process.env.TERRITORY || 'paris';
const users = [
  {user: `participant-${territory}`, password: 'MONGO_PARTICIPANT_PASSWORD', databases: [`participant_${territory}`]},
  {user: `participant-keys-${territory}`, password: 'MONGO_PARTICIPANT_KEYS_PASSWORD', databases: [`participant_keys_${territory}`]},
  {user: `pathway-${territory}`, password: 'MONGO_PATHWAY_PASSWORD', databases: [`pathway_${territory}`]},
  // partnership-service keeps the keys of follow-up group members' names in <database>_keys
  {user: `partnership-${territory}`, password: 'MONGO_PARTNERSHIP_PASSWORD',
   databases: [`partnership_${territory}`, `partnership_${territory}_keys`]},
  {user: 'pathway-lyon', password: 'MONGO_PATHWAY_LYON_PASSWORD', databases: ['pathway_lyon']},
  {user: 'partnership-lyon', password: 'MONGO_PARTNERSHIP_LYON_PASSWORD', databases: ['partnership_lyon', 'partnership_lyon_keys']},
  {user: 'reporting', password: 'MONGO_REPORTING_PASSWORD', databases: ['reporting_national']},
];
const admin = db.getSiblingDB('admin');
for (const u of users) {
  const password = process.env[u.password];
  if (!password) {
    throw new Error(`${u.password} is not set`);
  }
  const roles = u.databases.map(name => ({role: 'readWrite', db: name}));
  if (admin.getUser(u.user)) {
    admin.updateUser(u.user, {pwd: password, roles: roles});
  } else {
    admin.createUser({user: u.user, pwd: password, roles: roles});
  }
  print(`user ${u.user}: readWrite on ${u.databases.join(', ')}`);
}
