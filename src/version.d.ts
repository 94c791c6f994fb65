/** The add-in's version (package.json's), put into the bundles by the build (webpack's DefinePlugin). */
declare const __NTH_VERSION__: string;
