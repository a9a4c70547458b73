// What Svoboda's workspace pages use of age-encryption, exposed as the
// global `age` by build.sh.
export { Decrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
