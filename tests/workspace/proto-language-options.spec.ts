import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PROTO_DIR = resolve(__dirname, '../../proto/nps/v1');
const OPTIONS = ['java_package', 'java_multiple_files', 'go_package', 'csharp_namespace'];

// Subscribers in other languages generate from proto/ alone (docs/contracts.md): every file names
// where its generated code goes, so Java gets io.nps.v1.Channel rather than nps.v1.ChannelOuterClass.
// buf lint (PACKAGE_SAME_*) keeps the values equal across the files of the package.
describe('proto files name their packages for other languages', () => {
  const files = readdirSync(PROTO_DIR).filter((name) => name.endsWith('.proto'));

  it.each(files)('%s sets the Java, Go and C# options', (file) => {
    const text = readFileSync(join(PROTO_DIR, file), 'utf8');
    const missing = OPTIONS.filter((option) => !new RegExp(`^option ${option} = `, 'm').test(text));
    expect(missing).toEqual([]);
  });
});
