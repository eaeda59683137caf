#!/usr/bin/env bash
# Regenerates examples/: a lab root and intermediate, and SBC chains with one defect each.
# Long validity on purpose, so the examples keep working; real SBC certificates live <= 398 days.
set -euo pipefail
cd "$(dirname "$0")/../examples"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ext() { printf '%s\n' "$@" > "$work/ext.cnf"; echo "$work/ext.cnf"; }
ca_ext=$(ext "basicConstraints=critical,CA:TRUE" "keyUsage=critical,keyCertSign,cRLSign" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid")
cp "$ca_ext" "$work/ca.cnf"

openssl req -x509 -newkey rsa:3072 -nodes -keyout "$work/root.key" -out lab-root.pem -days 7300 \
  -subj "/C=US/O=Example Lab/CN=Example Lab Root CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" -addext "subjectKeyIdentifier=hash" 2>/dev/null
openssl req -newkey rsa:3072 -nodes -keyout "$work/int.key" -out "$work/int.csr" -subj "/C=US/O=Example Lab/CN=Example Lab Issuing CA 1" 2>/dev/null
openssl x509 -req -in "$work/int.csr" -CA lab-root.pem -CAkey "$work/root.key" -CAcreateserial -days 5475 \
  -extfile "$work/ca.cnf" -out "$work/int.pem" 2>/dev/null

leaf() { # name key-spec days extra-ext... -> $work/name.pem (CN from $CN, default sbc1.example.com)
  local name=$1 key=$2 days=$3; shift 3
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "authorityKeyIdentifier=keyid" "$@" > "$work/$name.cnf"
  openssl req -newkey "$key" -nodes -keyout "$work/$name.key" -out "$work/$name.csr" -subj "/C=US/O=Example Carrier/CN=${CN:-sbc1.example.com}" 2>/dev/null
  openssl x509 -req -in "$work/$name.csr" -CA "$work/int.pem" -CAkey "$work/int.key" -CAcreateserial -days "$days" \
    -extfile "$work/$name.cnf" -out "$work/$name.pem" 2>/dev/null
}
SERVER="keyUsage=critical,digitalSignature,keyEncipherment"
EKU="extendedKeyUsage=serverAuth"
SAN="subjectAltName=DNS:sbc1.example.com,DNS:sbc2.example.com"

leaf good rsa:2048 3650 "$SERVER" "$EKU" "$SAN"
leaf ecdsa ec:<(openssl ecparam -name prime256v1) 3650 "keyUsage=critical,digitalSignature" "$EKU" "$SAN"
leaf clientonly rsa:2048 3650 "$SERVER" "extendedKeyUsage=clientAuth" "$SAN"

mkdir -p good missing-intermediate wrong-order ecdsa-leaf client-auth-only key-in-chain
cat "$work/good.pem" "$work/int.pem" > good/chain.pem
cat "$work/good.pem" > missing-intermediate/chain.pem
cat "$work/int.pem" "$work/good.pem" > wrong-order/chain.pem
cat "$work/ecdsa.pem" "$work/int.pem" > ecdsa-leaf/chain.pem
cat "$work/clientonly.pem" "$work/int.pem" > client-auth-only/chain.pem
# A private key pasted into the chain file: a classic ticket attachment mistake.
cat "$work/good.pem" "$work/int.pem" "$work/good.key" > key-in-chain/chain.pem

# sbc-repo/: an SBC configuration repository. Only the certificates are written: the private keys the
# configurations name stay out of the repository (byoc-check scan would flag a committed key).
CN=sbc1.example.com leaf kamailio rsa:2048 3650 "$SERVER" "$EKU" "subjectAltName=DNS:sbc1.example.com"
CN=sbc2.example.com leaf asterisk rsa:2048 3650 "$SERVER" "$EKU" "subjectAltName=DNS:sbc2.example.com"
mkdir -p sbc-repo/kamailio/certs sbc-repo/asterisk/keys
cat "$work/kamailio.pem" "$work/int.pem" > sbc-repo/kamailio/certs/sbc1-fullchain.pem
cat "$work/asterisk.pem" "$work/int.pem" > sbc-repo/asterisk/keys/sbc2-fullchain.pem
# The public DigiCert roots Genesys' BYOC Cloud proxies chain to, as the SBCs' CA list (from Node's root store).
node -e '
const { X509Certificate } = require("node:crypto");
const cn = (p) => (new X509Certificate(p).subject.match(/^CN=(.*)$/m) ?? [])[1];
const want = ["DigiCert High Assurance EV Root CA", "DigiCert Global Root G2", "DigiCert Global Root G3"];
const pems = require("node:tls").rootCertificates.filter((p) => want.includes(cn(p)));
if (pems.length !== want.length) throw new Error("Node root store lacks a DigiCert root");
process.stdout.write(pems.map((p) => `# ${cn(p)}\n${p}\n`).join(""));
' > sbc-repo/kamailio/certs/genesys-roots.pem
cp sbc-repo/kamailio/certs/genesys-roots.pem sbc-repo/asterisk/keys/genesys-roots.pem
echo "examples regenerated"
