// The test vector of tests/test_secrets.py (output in Pulumi.vector.yaml), written by Pulumi's own algorithm:
// `go run vector.go` (Go 1.24+, standard library only). Nonces are fixed here so that the output is reproducible;
// Pulumi draws them at random.
// The passphrase secrets provider's format, as pulumi sdk v3.272.0 go/common/resource/config/crypt.go
// (NewSymmetricCrypterFromPassphrase, symmetricCrypter.EncryptValue) and pkg/secrets/passphrase/manager.go
// (NewPassphraseSecretsManager state) write it; Go's crypto only.
package main

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
)

func main() {
	phrase := "correct horse battery staple"
	salt := []byte("sgsalt01")
	key, _ := pbkdf2.Key(sha256.New, phrase, salt, 1000000, 32)
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	n := 0
	enc := func(v string) string {
		nonce := make([]byte, 12)
		n++
		for i := range nonce { nonce[i] = byte(n*17 + i) }
		ct := gcm.Seal(nil, nonce, []byte(v), nil)
		return fmt.Sprintf("v1:%s:%s", base64.StdEncoding.EncodeToString(nonce), base64.StdEncoding.EncodeToString(ct))
	}
	fmt.Printf("encryptionsalt: v1:%s:%s\n", base64.StdEncoding.EncodeToString(salt), enc("pulumi"))
	for _, v := range []string{"europe-west9", "s3cr3t-db-password", "us-central1"} {
		fmt.Printf("%s: %s\n", v, enc(v))
	}
}
