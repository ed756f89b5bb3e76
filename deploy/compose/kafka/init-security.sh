#!/usr/bin/env bash
# Run by compose's kafka-init (image apache/kafka) as the administrator, at every start: creates each territory's
# topics, each service instance's SCRAM-SHA-512 principal and the ACLs of deploy/kafka-acls.md (issue 21 finding 6).
# Everything here is idempotent: existing topics are kept, passwords and ACLs set again.
set -euo pipefail
BIN=/opt/kafka/bin
CONFIG=$(mktemp)
trap 'rm -f "$CONFIG"' EXIT
cat > "$CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
B=(--bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$CONFIG")

until "$BIN/kafka-topics.sh" "${B[@]}" --list >/dev/null 2>&1; do
  echo "waiting for Kafka"; sleep 5
done

principal() {   # principal <name> <password>
  "$BIN/kafka-configs.sh" "${B[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
allow() {       # allow <principal> <kafka-acls.sh arguments...>
  local who=$1; shift
  "$BIN/kafka-acls.sh" "${B[@]}" --add --allow-principal "User:$who" "$@" >/dev/null
}

first=${TERRITORIES%% *}
for t in $TERRITORIES; do
  for context in participant pathway partnership; do
    "$BIN/kafka-topics.sh" "${B[@]}" --create --if-not-exists --topic "convergence.$t.$context.v1" \
      --partitions 3 --replication-factor 3 --config min.insync.replicas=2 --config retention.ms=-1
  done
  # each territory's instances write their own topics, idempotently; participant-service, which holds the
  # programme's reference data and every territory's people, writes every territory's participant topic
  allow participant --operation Write --operation Describe --topic "convergence.$t.participant.v1"
  allow "pathway-$t" --operation Write --operation Describe --topic "convergence.$t.pathway.v1"
  allow "partnership-$t" --operation Write --operation Describe --topic "convergence.$t.partnership.v1"
  for who in participant "pathway-$t" "partnership-$t"; do
    allow "$who" --operation IdempotentWrite --cluster
  done
  # pathway-<t> follows its people's moves on the participant topic
  allow "pathway-$t" --operation Read --operation Describe --topic "convergence.$t.participant.v1"
  allow "pathway-$t" --operation Read --group "pathway-service.$t.participant-moves"
  # partnership-<t> reads its pathway events, and its participant events for erasures
  allow "partnership-$t" --operation Read --operation Describe --topic "convergence.$t.pathway.v1"
  allow "partnership-$t" --operation Read --operation Describe --topic "convergence.$t.participant.v1"
  allow "partnership-$t" --operation Read --group "partnership-service.$t"
done
# the national reporting service reads every territory, in its own groups (live and rebuilds), and writes nothing
allow reporting --operation Read --operation Describe --topic convergence. --resource-pattern-type prefixed
allow reporting --operation Read --group reporting-service.national --resource-pattern-type prefixed

# the principals of this compose file: participant-service and reporting (national), the first territory's
# default instances, lyon's own
principal participant "$KAFKA_PARTICIPANT_PASSWORD"
principal "pathway-$first" "$KAFKA_PATHWAY_PASSWORD"
principal "partnership-$first" "$KAFKA_PARTNERSHIP_PASSWORD"
principal pathway-lyon "$KAFKA_PATHWAY_LYON_PASSWORD"
principal partnership-lyon "$KAFKA_PARTNERSHIP_LYON_PASSWORD"
principal reporting "$KAFKA_REPORTING_PASSWORD"
echo "Kafka topics, principals and ACLs are in place"
