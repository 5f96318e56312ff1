// Creates recommendation-service's user, allowed only on its own database. The mongo image runs
// this once with mongosh, on an empty data directory (/docker-entrypoint-initdb.d);
// docker-compose.yml mounts this file and k8s/ ships it in a generated ConfigMap. The password
// comes from the container environment, never from this file.
const password = process.env.RECOMMENDATION_DB_PASSWORD;
if (!password) {
	throw new Error('RECOMMENDATION_DB_PASSWORD must be set for the recommendations database');
}
db.getSiblingDB('recommendations').createUser({
	user: 'recommendations',
	pwd: password,
	roles: [{ role: 'readWrite', db: 'recommendations' }],
});
