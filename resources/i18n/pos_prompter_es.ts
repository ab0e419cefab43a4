<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>a till is already open on {path} on this computer (process {pid}); use that window</source>
        <translation>ya hay una caja abierta sobre {path} en este equipo (proceso {pid}); use esa ventana</translation>
    </message>
    <message>
        <source>No manager yet: the workspace (rules, catalog, staff) stays closed until one is created with Manager… (Ctrl+M).</source>
        <translation>Aún no hay gerente: el espacio de trabajo (reglas, catálogo, personal) sigue cerrado hasta que se cree uno con Gerente… (Ctrl+M).</translation>
    </message>
    <message>
        <source>{name} is the store&apos;s manager: Manager… (Ctrl+M) opens the workspace.</source>
        <translation>{name} es el gerente de la tienda: Gerente… (Ctrl+M) abre el espacio de trabajo.</translation>
    </message>
    <message>
        <source>cannot use {path}: {reason}</source>
        <translation>no se puede usar {path}: {reason}</translation>
    </message>
    <message>
        <source>cannot use: {reason}</source>
        <translation>no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>pos-prompter cannot start</source>
        <translation>pos-prompter no puede iniciarse</translation>
    </message>
    <message>
        <source>The till cannot start.</source>
        <translation>La caja no puede iniciarse.</translation>
    </message>
    <message>
        <source>Unexpected error ({error}). It is in the log; the till carries on.</source>
        <translation>Error inesperado ({error}). Está en el registro; la caja sigue funcionando.</translation>
    </message>
    <message>
        <source>No automatic backup: {problem}</source>
        <translation>Sin copia de seguridad automática: {problem}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>uso: </translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>argumentos posicionales</translation>
    </message>
    <message>
        <source>options</source>
        <translation>opciones</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>muestra esta ayuda y termina</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>argumento %(argument_name)s: %(message)s</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>analizador desconocido %(parser_name)r (opciones: %(choices)s)</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>no se puede abrir &apos;%(filename)s&apos;: %(error)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>argumentos no reconocidos: %s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>no permitido con el argumento %s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>argumento explícito ignorado %r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>se requieren los siguientes argumentos: %s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>se requiere uno de los argumentos %s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>se esperaba un argumento</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>se esperaba como máximo un argumento</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>se esperaba al menos un argumento</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>se esperaba %s argumento</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>se esperaban %s argumentos</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>opción ambigua: %(option)s podría ser %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>opción inesperada: %s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>valor %(type)s no válido: %(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>opción no válida: %(value)r (elija entre %(choices)s)</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s: error: %(message)s
</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>reglas</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>ajustes</translation>
    </message>
    <message>
        <source>products</source>
        <translation>productos</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regla</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>ajuste</translation>
    </message>
    <message>
        <source>product</source>
        <translation>producto</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>add</source>
        <translation>añadir</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambiar</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>quitar</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>Audit log chain intact: {n} entries.</source>
        <translation>Cadena del registro de auditoría intacta: {n} entradas.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>before:</source>
        <translation>antes:</translation>
    </message>
    <message>
        <source>after:</source>
        <translation>después:</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Search ids, names, values</source>
        <translation>Buscar ids, nombres, valores</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Checking the audit log&apos;s chain…</source>
        <translation>Comprobando la cadena del registro de auditoría…</translation>
    </message>
    <message>
        <source>Could not check the audit log&apos;s chain: {problem}</source>
        <translation>No se pudo comprobar la cadena del registro de auditoría: {problem}</translation>
    </message>
    <message>
        <source>Showing the newest {n} matching changes; narrow the filters to see older ones (Export CSV has them all).</source>
        <translation>Se muestran los {n} cambios más recientes que coinciden; acote los filtros para ver los anteriores (Exportar CSV los tiene todos).</translation>
    </message>
    <message>
        <source>{n} matching change.</source>
        <translation>{n} cambio coincide.</translation>
    </message>
    <message>
        <source>{n} matching changes.</source>
        <translation>{n} cambios coinciden.</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>Exported {n} change to {path}.</source>
        <translation>Exportado {n} cambio a {path}.</translation>
    </message>
    <message>
        <source>Exported {n} changes to {path}.</source>
        <translation>Exportados {n} cambios a {path}.</translation>
    </message>
</context>
<context>
    <name>barcodes</name>
    <message>
        <source>{code} is not digits only</source>
        <translation>{code} no tiene solo cifras</translation>
    </message>
    <message>
        <source>{code} has {n} digits, not 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13)</source>
        <translation>{code} tiene {n} cifras, no 8 (EAN-8), 12 (UPC-A) ni 13 (EAN-13)</translation>
    </message>
    <message>
        <source>{code} has check digit {digit}, expected {expected}</source>
        <translation>{code} tiene el dígito de control {digit}, se esperaba {expected}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>{code} scans as {other}</source>
        <translation>{code} se escanea como {other}</translation>
    </message>
    <message>
        <source>no barcode drawn: {why}</source>
        <translation>no se dibuja código de barras: {why}</translation>
    </message>
    <message>
        <source>no EAN-13/EAN-8 barcode</source>
        <translation>sin código de barras EAN-13/EAN-8</translation>
    </message>
    <message>
        <source>{why}: type SKU {sku} at the till</source>
        <translation>{why}: teclee el SKU {sku} en la caja</translation>
    </message>
    <message>
        <source>{why}, and its SKU {sku} scans as {other}: give it a barcode of its own</source>
        <translation>{why}, y su SKU {sku} se escanea como {other}: dele un código de barras propio</translation>
    </message>
    <message>
        <source>this line is 50 mm: print at 100% (actual size), not fit to page</source>
        <translation>esta línea mide 50 mm: imprima al 100% (tamaño real), sin ajustar a la página</translation>
    </message>
    <message>
        <source>page {page} of {pages}</source>
        <translation>página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>catalog</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>A la venta</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Códigos de barras</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Find a product: name, SKU or barcode</source>
        <translation>Buscar un producto: nombre, SKU o código de barras</translation>
    </message>
    <message>
        <source>The selected product</source>
        <translation>El producto seleccionado</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation>p. ej. {amount}</translation>
    </message>
    <message>
        <source>On sale (the tills can scan it)</source>
        <translation>A la venta (las cajas pueden escanearlo)</translation>
    </message>
    <message>
        <source>EAN-13, EAN-8 or UPC-A codes, separated by spaces</source>
        <translation>Códigos EAN-13, EAN-8 o UPC-A, separados por espacios</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Showing the first {n} matches: type more of a name, a SKU or a whole barcode to narrow them.</source>
        <translation>Se muestran las {n} primeras coincidencias: escriba más de un nombre, un SKU o un código de barras entero para acotarlas.</translation>
    </message>
    <message>
        <source>No product matches: try part of its name, its SKU or its barcode.</source>
        <translation>Ningún producto coincide: pruebe con parte de su nombre, su SKU o su código de barras.</translation>
    </message>
    <message>
        <source>{n} product.</source>
        <translation>{n} producto.</translation>
    </message>
    <message>
        <source>{n} products.</source>
        <translation>{n} productos.</translation>
    </message>
    <message>
        <source>The search failed: {problem}</source>
        <translation>La búsqueda falló: {problem}</translation>
    </message>
    <message>
        <source>Select a product in the list to change it.</source>
        <translation>Seleccione un producto de la lista para cambiarlo.</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>Nothing to save: nothing was changed.</source>
        <translation>Nada que guardar: no se cambió nada.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {name}: the tills use it from now on.</source>
        <translation>Guardado {name}: las cajas lo usan desde ahora.</translation>
    </message>
    <message>
        <source>Nothing was saved: {problem}</source>
        <translation>No se guardó nada: {problem}</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <source>Nothing to show yet.</source>
        <translation>Aún no hay nada que mostrar.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} a {last}</translation>
    </message>
    <message>
        <source>from {first} to {last}</source>
        <translation>de {first} a {last}</translation>
    </message>
    <message>
        <source>{name}: {n} point, {when}, {values}.</source>
        <translation>{name}: {n} punto, {when}, {values}.</translation>
    </message>
    <message>
        <source>{name}: {n} points, {when}, {values}.</source>
        <translation>{name}: {n} puntos, {when}, {values}.</translation>
    </message>
</context>
<context>
    <name>clerk_sign_in</name>
    <message>
        <source>Nobody here has a PIN to sign in with, so the till stays with who is selling now. A manager sets clerks&apos; PINs (pos-prompter staff passwd NAME).</source>
        <translation>Aquí nadie tiene un PIN para entrar, así que la caja sigue con quien vende ahora. Un gerente fija los PIN de los cajeros (pos-prompter staff passwd NOMBRE).</translation>
    </message>
    <message>
        <source>Selling: {clerk}</source>
        <translation>Vende: {clerk}</translation>
    </message>
    <message>
        <source>Selling: {clerk} (no PIN asked: none is set)</source>
        <translation>Vende: {clerk} (sin PIN: no hay ninguno fijado)</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Nadie ha entrado</translation>
    </message>
    <message>
        <source>No clerk: this store has none to sign in</source>
        <translation>Sin cajero: esta tienda no tiene ninguno que pueda entrar</translation>
    </message>
    <message>
        <source>Order {id} waits for the next clerk: {n} line(s), {total}.</source>
        <translation>El pedido {id} espera al siguiente cajero: {n} línea(s), {total}.</translation>
    </message>
    <message>
        <source>Practice: sign in as the trainee</source>
        <translation>Práctica: entre como aprendiz</translation>
    </message>
    <message>
        <source>Sign in to sell</source>
        <translation>Entre para vender</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Sign in first: {code} was not rung up.</source>
        <translation>Entre primero: {code} no se cobró.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Tap your name first.</source>
        <translation>Toque primero su nombre.</translation>
    </message>
    <message>
        <source>{name}: type your PIN.</source>
        <translation>{name}: escriba su PIN.</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>the store file</source>
        <translation>el archivo de la tienda</translation>
    </message>
    <message>
        <source>use the practice store beside the real one</source>
        <translation>usar la tienda de práctica junto a la real</translation>
    </message>
    <message>
        <source>show the traceback of an error</source>
        <translation>mostrar la traza de un error</translation>
    </message>
    <message>
        <source>A till that shows suggestive-selling prompts. With no command, opens the till window.</source>
        <translation>Una caja que muestra sugerencias de venta. Sin orden, abre la ventana de la caja.</translation>
    </message>
    <message>
        <source>the store file (default: the store in your user data folder)</source>
        <translation>el archivo de la tienda (por defecto: la tienda en su carpeta de datos de usuario)</translation>
    </message>
    <message>
        <source>practice mode: a store of its own beside the real one</source>
        <translation>modo de práctica: una tienda propia junto a la real</translation>
    </message>
    <message>
        <source>show the program&apos;s version number and exit</source>
        <translation>muestra la versión del programa y termina</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>órdenes</translation>
    </message>
    <message>
        <source>create a store</source>
        <translation>crear una tienda</translation>
    </message>
    <message>
        <source>Create a new store file (never overwrites one).</source>
        <translation>Crea un archivo de tienda nuevo (nunca sobrescribe uno).</translation>
    </message>
    <message>
        <source>seed it with a demo catalog and rules</source>
        <translation>llenarla con un catálogo y reglas de demostración</translation>
    </message>
    <message>
        <source>a demo store without its 90 days of generated past sales</source>
        <translation>una tienda de demostración sin sus 90 días de ventas pasadas generadas</translation>
    </message>
    <message>
        <source>show what would be added, changed and removed (and lint&apos;s findings) without changing anything; exit 1 if the import would be refused</source>
        <translation>mostrar lo que se añadiría, cambiaría y quitaría (y los hallazgos de lint) sin cambiar nada; sale con 1 si la importación se rechazaría</translation>
    </message>
    <message>
        <source>import a catalog or a rule pack</source>
        <translation>importar un catálogo o un paquete de reglas</translation>
    </message>
    <message>
        <source>All or nothing: a file with any problem changes nothing.</source>
        <translation>Todo o nada: un archivo con cualquier problema no cambia nada.</translation>
    </message>
    <message>
        <source>what</source>
        <translation>qué</translation>
    </message>
    <message>
        <source>products from a CSV file</source>
        <translation>productos de un archivo CSV</translation>
    </message>
    <message>
        <source>past sales from the old till (CSV)</source>
        <translation>ventas pasadas de la caja anterior (CSV)</translation>
    </message>
    <message>
        <source>Columns order_id,sku,qty and optional price,time. Re-importing the same orders adds nothing.</source>
        <translation>Columnas order_id,sku,qty y, opcionales, price,time. Volver a importar los mismos pedidos no añade nada.</translation>
    </message>
    <message>
        <source>a rule pack (YAML or JSON)</source>
        <translation>un paquete de reglas (YAML o JSON)</translation>
    </message>
    <message>
        <source>The store&apos;s rules become the pack&apos;s (rules not in it are removed, unless --merge). A pack whose rules lint finds errors in is refused, as the workspace refuses to publish it; warnings are printed.</source>
        <translation>Las reglas de la tienda pasan a ser las del paquete (las que no están en él se quitan, salvo con --merge). Un paquete en cuyas reglas lint encuentra errores se rechaza, como el espacio de trabajo se niega a publicarlo; los avisos se muestran.</translation>
    </message>
    <message>
        <source>add and update rules, keep the store&apos;s other rules</source>
        <translation>añadir y actualizar reglas, conservar las demás reglas de la tienda</translation>
    </message>
    <message>
        <source>publish even when lint finds errors (say, offers of products this store does not carry yet)</source>
        <translation>publicar aunque lint encuentre errores (por ejemplo, ofertas de productos que esta tienda aún no vende)</translation>
    </message>
    <message>
        <source>export the store&apos;s rules</source>
        <translation>exportar las reglas de la tienda</translation>
    </message>
    <message>
        <source>the rule pack (YAML; JSON when FILE ends in .json)</source>
        <translation>el paquete de reglas (YAML; JSON si ARCHIVO termina en .json)</translation>
    </message>
    <message>
        <source>write to FILE instead of stdout</source>
        <translation>escribir en ARCHIVO en lugar de la salida estándar</translation>
    </message>
    <message>
        <source>show or change the store&apos;s settings</source>
        <translation>mostrar o cambiar los ajustes de la tienda</translation>
    </message>
    <message>
        <source>With no KEY=VALUE, list the store&apos;s settings; with some, change them (all or nothing), e.g. rush_scans_per_minute=20.</source>
        <translation>Sin CLAVE=VALOR, lista los ajustes de la tienda; con alguno, los cambia (todo o nada), p. ej. rush_scans_per_minute=20.</translation>
    </message>
    <message>
        <source>check rules for problems</source>
        <translation>buscar problemas en las reglas</translation>
    </message>
    <message>
        <source>Rule problems in the store, or in a rule pack checked against the store&apos;s catalog: unknown products, conflicts, loops, unreachable rules, price sanity. Exit 0 when clean, 1 when there are findings.</source>
        <translation>Problemas de las reglas de la tienda, o de un paquete de reglas comprobado contra el catálogo de la tienda: productos desconocidos, conflictos, bucles, reglas inalcanzables, precios razonables. Sale con 0 si no hay nada, con 1 si hay hallazgos.</translation>
    </message>
    <message>
        <source>a rule pack (YAML or JSON) to check instead of the store&apos;s rules</source>
        <translation>un paquete de reglas (YAML o JSON) a comprobar en lugar de las reglas de la tienda</translation>
    </message>
    <message>
        <source>table (default) or json</source>
        <translation>table (por defecto) o json</translation>
    </message>
    <message>
        <source>play a scan script, print JSON Lines</source>
        <translation>reproducir un guion de escaneo, mostrar JSON Lines</translation>
    </message>
    <message>
        <source>Play a scan script through the till and print every event as JSON Lines (see scan-script.md).</source>
        <translation>Reproduce un guion de escaneo en la caja y muestra cada evento como JSON Lines (vea scan-script.md).</translation>
    </message>
    <message>
        <source>play on an in-memory copy: nothing is written to the store</source>
        <translation>reproducir sobre una copia en memoria: no se escribe nada en la tienda</translation>
    </message>
    <message>
        <source>with --training: play the script as a trainee serving this scenario&apos;s customers, scored (see practice.md)</source>
        <translation>con --training: reproducir el guion como un aprendiz que atiende a los clientes de este escenario, con puntuación (vea practice.md)</translation>
    </message>
    <message>
        <source>error: {what} refused, nothing was changed ({n} problem):</source>
        <translation>error: rechazo de {what}, no se cambió nada ({n} problema):</translation>
    </message>
    <message>
        <source>error: {what} refused, nothing was changed ({n} problems):</source>
        <translation>error: rechazo de {what}, no se cambió nada ({n} problemas):</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <translation>error: {message}</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrumpido</translation>
    </message>
    <message>
        <source>error: cannot use {path}: {reason}</source>
        <translation>error: no se puede usar {path}: {reason}</translation>
    </message>
    <message>
        <source>error: cannot use: {reason}</source>
        <translation>error: no se puede usar: {reason}</translation>
    </message>
    <message>
        <source>internal error: {error} (this is a bug; rerun with --debug to see where it happened)</source>
        <translation>error interno: {error} (es un fallo del programa; vuelva a ejecutar con --debug para ver dónde ocurrió)</translation>
    </message>
    <message>
        <source>{n} product</source>
        <translation>{n} producto</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} productos</translation>
    </message>
    <message>
        <source>cannot write the sheet to {path}: it is a folder; give a file name such as sheet.pdf</source>
        <translation>no se puede escribir la hoja en {path}: es una carpeta; indique un nombre de archivo como sheet.pdf</translation>
    </message>
    <message>
        <source>{db} has no active products: there is nothing to print</source>
        <translation>{db} no tiene productos activos: no hay nada que imprimir</translation>
    </message>
    <message>
        <source>pos-prompter barcodes: {name}</source>
        <translation>pos-prompter códigos de barras: {name}</translation>
    </message>
    <message>
        <source>cannot write the sheet to {path} ({reason})</source>
        <translation>no se puede escribir la hoja en {path} ({reason})</translation>
    </message>
    <message>
        <source>, {n} of them without a symbol (listed with a note)</source>
        <translation>, {n} de ellos sin símbolo (listados con una nota)</translation>
    </message>
    <message>
        <source>{n} {paper} page</source>
        <translation>{n} página {paper}</translation>
    </message>
    <message>
        <source>{n} {paper} pages</source>
        <translation>{n} páginas {paper}</translation>
    </message>
    <message>
        <source>Wrote {path}: {what} on {pages}</source>
        <translation>Escrito {path}: {what} en {pages}</translation>
    </message>
    <message>
        <source>print a PDF sheet of every active product&apos;s barcode, name and price</source>
        <translation>imprimir una hoja PDF con el código de barras, el nombre y el precio de cada producto activo</translation>
    </message>
    <message>
        <source>Write a PDF with every active product&apos;s name, price and EAN-13/EAN-8 symbol, to print at 100% (actual size) and scan with a real scanner. A product whose code is no EAN-13, UPC-A or EAN-8 is listed with a note instead of a symbol.</source>
        <translation>Escribe un PDF con el nombre, el precio y el símbolo EAN-13/EAN-8 de cada producto activo, para imprimir al 100% (tamaño real) y escanear con un escáner de verdad. Un producto cuyo código no es EAN-13, UPC-A ni EAN-8 aparece con una nota en lugar de un símbolo.</translation>
    </message>
    <message>
        <source>the PDF file to write</source>
        <translation>el archivo PDF a escribir</translation>
    </message>
    <message>
        <source>page size (default a4)</source>
        <translation>tamaño de página (por defecto a4)</translation>
    </message>
    <message>
        <source>{n} rule</source>
        <translation>{n} regla</translation>
    </message>
    <message>
        <source>{n} rules</source>
        <translation>{n} reglas</translation>
    </message>
    <message>
        <source> and {n} past order from {first} to {last}</source>
        <translation> y {n} pedido pasado del {first} al {last}</translation>
    </message>
    <message>
        <source> and {n} past orders from {first} to {last}</source>
        <translation> y {n} pedidos pasados del {first} al {last}</translation>
    </message>
    <message>
        <source>Created {db} from the {demo} demo: {what}</source>
        <translation>Creada {db} a partir de la demostración {demo}: {what}</translation>
    </message>
    <message>
        <source>Created {db}: an empty store ({what}); next: pos-prompter import catalog FILE.csv --db {db}</source>
        <translation>Creada {db}: una tienda vacía ({what}); después: pos-prompter import catalog ARCHIVO.csv --db {db}</translation>
    </message>
    <message>
        <source>importing {n} products</source>
        <translation>importando {n} productos</translation>
    </message>
    <message>
        <source>reading past orders</source>
        <translation>leyendo pedidos pasados</translation>
    </message>
    <message>
        <source>importing {n} past orders</source>
        <translation>importando {n} pedidos pasados</translation>
    </message>
    <message>
        <source>{file}: {items} {counts} (dry run: nothing was changed)</source>
        <translation>{file}: {items} {counts} (simulacro: no se cambió nada)</translation>
    </message>
    <message>
        <source>added</source>
        <translation>de alta</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>con cambios</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>de baja</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>y {n} más</translation>
    </message>
    <message>
        <source>checking rules</source>
        <translation>comprobando reglas</translation>
    </message>
    <message>
        <source>error: the rule pack is refused, nothing was changed: {n} lint error (see above). Fix the pack, or publish it anyway with --force.</source>
        <translation>error: el paquete de reglas se rechaza, no se cambió nada: {n} error de lint (vea arriba). Corrija el paquete, o publíquelo de todos modos con --force.</translation>
    </message>
    <message>
        <source>error: the rule pack is refused, nothing was changed: {n} lint errors (see above). Fix the pack, or publish it anyway with --force.</source>
        <translation>error: el paquete de reglas se rechaza, no se cambió nada: {n} errores de lint (vea arriba). Corrija el paquete, o publíquelo de todos modos con --force.</translation>
    </message>
    <message>
        <source>cannot write {path} ({reason})</source>
        <translation>no se puede escribir {path} ({reason})</translation>
    </message>
    <message>
        <source>Exported {rules} to {path}</source>
        <translation>Exportadas {rules} a {path}</translation>
    </message>
    <message>
        <source>{text} is not KEY=VALUE (e.g. rush_scans_per_minute=20)</source>
        <translation>{text} no es CLAVE=VALOR (p. ej. rush_scans_per_minute=20)</translation>
    </message>
    <message>
        <source>{value} (default)</source>
        <translation>{value} (por defecto)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(sin valor)</translation>
    </message>
    <message>
        <source>&apos;{command}&apos; needs --db PATH, the store file to use</source>
        <translation>&apos;{command}&apos; necesita --db RUTA, el archivo de la tienda a usar</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>aviso: {message}</translation>
    </message>
    <message>
        <source>note: {message}</source>
        <translation>nota: {message}</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>{n} error</source>
        <translation>{n} error</translation>
    </message>
    <message>
        <source>{n} errors</source>
        <translation>{n} errores</translation>
    </message>
    <message>
        <source>{n} warning</source>
        <translation>{n} aviso</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translation>{n} avisos</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} bytes</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>the latest good backup is {latest}: &apos;pos-prompter restore {latest} --db {db}&apos; puts it in place</source>
        <translation>la última copia de seguridad buena es {latest}: &apos;pos-prompter restore {latest} --db {db}&apos; la pone en su lugar</translation>
    </message>
    <message>
        <source>there is no automatic backup beside it</source>
        <translation>no hay ninguna copia de seguridad automática a su lado</translation>
    </message>
    <message>
        <source>error: {db} is damaged ({n} problem above); {then}</source>
        <translation>error: {db} está dañada ({n} problema arriba); {then}</translation>
    </message>
    <message>
        <source>error: {db} is damaged ({n} problems above); {then}</source>
        <translation>error: {db} está dañada ({n} problemas arriba); {then}</translation>
    </message>
    <message>
        <source>Backed up {db} to {path} ({size}, checked) in {seconds} s</source>
        <translation>Copia de seguridad de {db} en {path} ({size}, comprobada) en {seconds} s</translation>
    </message>
    <message>
        <source>; the store it replaced (damaged) is kept as {path}</source>
        <translation>; la tienda que sustituyó (dañada) se conserva como {path}</translation>
    </message>
    <message>
        <source>; the store it replaced is kept as {path}</source>
        <translation>; la tienda que sustituyó se conserva como {path}</translation>
    </message>
    <message>
        <source>Restored {db} from {backup}</source>
        <translation>Restaurada {db} desde {backup}</translation>
    </message>
    <message>
        <source>error: the store is damaged (SQLite found a damaged page): run &apos;pos-prompter check --db PATH&apos; on it, and restore a backup with &apos;pos-prompter restore FILE --db PATH&apos;</source>
        <translation>error: la tienda está dañada (SQLite encontró una página dañada): ejecute &apos;pos-prompter check --db RUTA&apos; sobre ella, y restaure una copia de seguridad con &apos;pos-prompter restore ARCHIVO --db RUTA&apos;</translation>
    </message>
    <message>
        <source>check the store for damage</source>
        <translation>comprobar si la tienda está dañada</translation>
    </message>
    <message>
        <source>The store&apos;s integrity (PRAGMA integrity_check and its foreign keys), read-only: exit 0 and &apos;ok&apos;, or 1 and what is damaged.</source>
        <translation>La integridad de la tienda (PRAGMA integrity_check y sus claves foráneas), solo lectura: sale con 0 y &apos;correcto&apos;, o con 1 y lo que está dañado.</translation>
    </message>
    <message>
        <source>a checked copy of the store, while tills run</source>
        <translation>una copia comprobada de la tienda, con las cajas funcionando</translation>
    </message>
    <message>
        <source>A consistent copy of the store through SQLite&apos;s backup API (tills may go on selling), checked before it takes its name. Without -o, into the folder NAME.backups beside the store, where the till keeps its automatic backups.</source>
        <translation>Una copia coherente de la tienda mediante la API de copias de SQLite (las cajas pueden seguir vendiendo), comprobada antes de recibir su nombre. Sin -o, en la carpeta NOMBRE.backups junto a la tienda, donde la caja guarda sus copias automáticas.</translation>
    </message>
    <message>
        <source>write the backup to FILE (never over an existing file)</source>
        <translation>escribir la copia en ARCHIVO (nunca sobre un archivo existente)</translation>
    </message>
    <message>
        <source>put a backup in place of the store</source>
        <translation>poner una copia de seguridad en lugar de la tienda</translation>
    </message>
    <message>
        <source>Check the backup, then put it in place of the store. The store it replaces is kept beside it as NAME.damaged-STAMP.db (or .replaced-STAMP.db when it was intact), never deleted. Refused while a till or a command has the store open.</source>
        <translation>Comprueba la copia y la pone en lugar de la tienda. La tienda sustituida se conserva a su lado como NOMBRE.damaged-STAMP.db (o .replaced-STAMP.db si estaba intacta), nunca se borra. Se rechaza mientras una caja u otra orden tenga la tienda abierta.</translation>
    </message>
    <message>
        <source>the backup</source>
        <translation>la copia de seguridad</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>incluido</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>no scenarios yet: a demo store has built-in ones; import one with &apos;pos-prompter practice import FILE.yaml --db {db}&apos;</source>
        <translation>aún no hay escenarios: una tienda de demostración trae los suyos; importe uno con &apos;pos-prompter practice import ARCHIVO.yaml --db {db}&apos;</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>level</source>
        <translation>nivel</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>clientes</translation>
    </message>
    <message>
        <source>source</source>
        <translation>origen</translation>
    </message>
    <message>
        <source>{n} customer</source>
        <translation>{n} cliente</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <source>Replaced scenario {id}: {title} (level {level}, {customers}, pass at {score}%)</source>
        <translation>Sustituido el escenario {id}: {title} (nivel {level}, {customers}, se aprueba con {score}%)</translation>
    </message>
    <message>
        <source>Imported scenario {id}: {title} (level {level}, {customers}, pass at {score}%)</source>
        <translation>Importado el escenario {id}: {title} (nivel {level}, {customers}, se aprueba con {score}%)</translation>
    </message>
    <message>
        <source>there is no store at {db} (create one with &apos;pos-prompter init --db {db}&apos;)</source>
        <translation>no hay ninguna tienda en {db} (cree una con &apos;pos-prompter init --db {db}&apos;)</translation>
    </message>
    <message>
        <source>no practice runs by {name} yet</source>
        <translation>aún no hay prácticas de {name}</translation>
    </message>
    <message>
        <source>no practice runs yet</source>
        <translation>aún no hay prácticas</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>aprendiz</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>escenario</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntuación</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>time taken</source>
        <translation>tiempo empleado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no (needs {score}%)</source>
        <translation>no (necesita {score}%)</translation>
    </message>
    <message>
        <source>practice scenarios, the practice store, trainees&apos; results</source>
        <translation>escenarios de práctica, la tienda de práctica, resultados de los aprendices</translation>
    </message>
    <message>
        <source>Practice mode (see practice.md). --db names the real store; the practice store beside it (NAME.training.db) is made on first use, and the real store is only read.</source>
        <translation>Modo de práctica (vea practice.md). --db indica la tienda real; la tienda de práctica a su lado (NOMBRE.training.db) se crea en el primer uso, y la tienda real solo se lee.</translation>
    </message>
    <message>
        <source>scenarios available: built-in for the demo stores and those a trainer imported</source>
        <translation>escenarios disponibles: los incluidos en las tiendas de demostración y los que importó un formador</translation>
    </message>
    <message>
        <source>add or replace a scenario (a YAML file)</source>
        <translation>añadir o sustituir un escenario (un archivo YAML)</translation>
    </message>
    <message>
        <source>All or nothing: a scenario with any problem (an item this store does not sell, an answer for a rule it does not have...) changes nothing. One with the id of a built-in or imported scenario replaces it.</source>
        <translation>Todo o nada: un escenario con cualquier problema (un artículo que esta tienda no vende, una respuesta para una regla que no tiene...) no cambia nada. Uno con el id de un escenario incluido o importado lo sustituye.</translation>
    </message>
    <message>
        <source>copy catalog, rules, settings and staff into the practice store again</source>
        <translation>volver a copiar catálogo, reglas, ajustes y personal en la tienda de práctica</translation>
    </message>
    <message>
        <source>The practice store gets the real store&apos;s catalog, rules, settings and staff again, in one transaction; its scenarios and practice runs stay. The real store&apos;s orders and prompt events are never copied.</source>
        <translation>La tienda de práctica recibe de nuevo el catálogo, las reglas, los ajustes y el personal de la tienda real, en una sola transacción; sus escenarios y prácticas se quedan. Los pedidos y los eventos de sugerencias de la tienda real nunca se copian.</translation>
    </message>
    <message>
        <source>every practice run: trainee, scenario, date, score, passed, time taken</source>
        <translation>cada práctica: aprendiz, escenario, fecha, puntuación, aprobado, tiempo empleado</translation>
    </message>
    <message>
        <source>only NAME&apos;s runs</source>
        <translation>solo las prácticas de NOMBRE</translation>
    </message>
    <message>
        <source>table (default), csv or json</source>
        <translation>table (por defecto), csv o json</translation>
    </message>
    <message>
        <source>{option} must be a whole number from {low} to {high}, not {text}</source>
        <translation>{option} debe ser un número entero de {low} a {high}, no {text}</translation>
    </message>
    <message>
        <source>wrote {n} simulated customer (seed {seed}) to {path}; import it with &apos;pos-prompter practice import {path} --db {db}&apos;</source>
        <translation>escrito {n} cliente simulado (semilla {seed}) en {path}; impórtelo con &apos;pos-prompter practice import {path} --db {db}&apos;</translation>
    </message>
    <message>
        <source>wrote {n} simulated customers (seed {seed}) to {path}; import it with &apos;pos-prompter practice import {path} --db {db}&apos;</source>
        <translation>escritos {n} clientes simulados (semilla {seed}) en {path}; impórtelos con &apos;pos-prompter practice import {path} --db {db}&apos;</translation>
    </message>
    <message>
        <source>simulated customers drawn from the store&apos;s catalog and rules, as a scenario</source>
        <translation>clientes simulados a partir del catálogo y las reglas de la tienda, como un escenario</translation>
    </message>
    <message>
        <source>Write a scenario of N customers drawn from the store&apos;s catalog and rules: items that trigger its rules (and some that trigger none), the customer types and times the rules use, and answers from the willingness model (docs/willingness.md). The same seed gives the same file. The store is only read.</source>
        <translation>Escribe un escenario de N clientes a partir del catálogo y las reglas de la tienda: artículos que activan sus reglas (y algunos que no activan ninguna), los tipos de cliente y las horas que usan las reglas, y respuestas del modelo de disposición (docs/willingness.md). La misma semilla da el mismo archivo. La tienda solo se lee.</translation>
    </message>
    <message>
        <source>how many customers (1 to {most})</source>
        <translation>cuántos clientes (de 1 a {most})</translation>
    </message>
    <message>
        <source>a whole number: the same seed gives the same scenario</source>
        <translation>un número entero: la misma semilla da el mismo escenario</translation>
    </message>
    <message>
        <source>{db} is a practice store, and practice runs never count in the results; give the real store ({real}) with --db</source>
        <translation>{db} es una tienda de práctica, y las prácticas nunca cuentan en los resultados; indique la tienda real ({real}) con --db</translation>
    </message>
    <message>
        <source>{title}: none</source>
        <translation>{title}: ninguno</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>mostradas</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceptadas</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>rechazadas</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>ignoradas</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>tasa</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>ingresos</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>margen</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>pedidos</translation>
    </message>
    <message>
        <source>avg order</source>
        <translation>pedido medio</translation>
    </message>
    <message>
        <source>attach</source>
        <translation>adjunción</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regla</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>puesto</translation>
    </message>
    <message>
        <source>offers</source>
        <translation>ofertas</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>del {start} al {end}</translation>
    </message>
    <message>
        <source>the first order</source>
        <translation>primer pedido</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>all history</source>
        <translation>todo el historial</translation>
    </message>
    <message>
        <source>Prompt results, {span}</source>
        <translation>Resultados de las sugerencias, {span}</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>Por regla</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>Por cajero</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totales</translation>
    </message>
    <message>
        <source>all</source>
        <translation>todo</translation>
    </message>
    <message>
        <source>True uplift (orders shown the prompt against held-out orders, 95% Welch interval)</source>
        <translation>Aumento real (pedidos que vieron la sugerencia frente a pedidos de control, intervalo de Welch al 95%)</translation>
    </message>
    <message>
        <source>Leaderboard (at least {n} orders)</source>
        <translation>Clasificación (al menos {n} pedidos)</translation>
    </message>
    <message>
        <source>{db} is a practice store, and practice runs never count in the results; give the real store with --db</source>
        <translation>{db} es una tienda de práctica, y las prácticas nunca cuentan en los resultados; indique la tienda real con --db</translation>
    </message>
    <message>
        <source>prompt results by rule, clerk, hour and day</source>
        <translation>resultados de las sugerencias por regla, cajero, hora y día</translation>
    </message>
    <message>
        <source>Shown, accepted, declined, ignored, acceptance rate, revenue and margin added, by rule, clerk, hour of day and day; average order value and attach rate; each rule&apos;s true uplift against its held-out orders. Dates are local (YYYY-MM-DD), both included; without them, all history.</source>
        <translation>Mostradas, aceptadas, rechazadas, ignoradas, tasa de aceptación, ingresos y margen añadidos, por regla, cajero, hora del día y día; valor medio del pedido y tasa de adjunción; el aumento real de cada regla frente a sus pedidos de control. Las fechas son locales (YYYY-MM-DD), ambas incluidas; sin ellas, todo el historial.</translation>
    </message>
    <message>
        <source>first day (YYYY-MM-DD)</source>
        <translation>primer día (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>last day, included</source>
        <translation>último día, incluido</translation>
    </message>
    <message>
        <source>{where}: write {usage}</source>
        <translation>{where}: escriba {usage}</translation>
    </message>
    <message>
        <source>{where}: expect total needs an amount such as 4.85, not {text}</source>
        <translation>{where}: expect total necesita un importe como 4.85, no {text}</translation>
    </message>
    <message>
        <source>{where}: expect line needs a whole quantity such as 2, not {text}</source>
        <translation>{where}: expect line necesita una cantidad entera como 2, no {text}</translation>
    </message>
    <message>
        <source>{where}: qty needs a whole number such as 2, not {text}</source>
        <translation>{where}: qty necesita un número entero como 2, no {text}</translation>
    </message>
    <message>
        <source>{where}: qty {text} is more than the most a line may have, {most}</source>
        <translation>{where}: qty {text} supera el máximo que puede tener una línea, {most}</translation>
    </message>
    <message>
        <source>{where}: time needs a local date and time such as 2026-11-22T08:15, not {text}</source>
        <translation>{where}: time necesita una fecha y hora locales como 2026-11-22T08:15, no {text}</translation>
    </message>
    <message>
        <source>{where}: time is the till&apos;s local time, without a time zone ({text})</source>
        <translation>{where}: time es la hora local de la caja, sin zona horaria ({text})</translation>
    </message>
    <message>
        <source>{where}: time {text} {reason}</source>
        <translation>{where}: time {text} {reason}</translation>
    </message>
    <message>
        <source>{source} line {n}</source>
        <translation>{source} línea {n}</translation>
    </message>
    <message>
        <source>{where}: unknown command {command} (the commands are {commands})</source>
        <translation>{where}: orden desconocida {command} (las órdenes son {commands})</translation>
    </message>
    <message>
        <source>{where}: {command} takes nothing after it, found {text}</source>
        <translation>{where}: {command} no admite nada detrás, se encontró {text}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>{n} words</source>
        <translation>{n} palabras</translation>
    </message>
    <message>
        <source>{where}: {command} needs exactly one value, found {what}</source>
        <translation>{where}: {command} necesita exactamente un valor, se encontró {what}</translation>
    </message>
    <message>
        <source>{where}: customer takes one customer type such as member (or none), found {text}</source>
        <translation>{where}: customer admite un tipo de cliente como member (o ninguno), se encontró {text}</translation>
    </message>
    <message>
        <source>no such line</source>
        <translation>ninguna línea así</translation>
    </message>
    <message>
        <source>{command} works in practice with a scenario (simulate --training --scenario FILE)</source>
        <translation>{command} funciona en la práctica con un escenario (simulate --training --scenario ARCHIVO)</translation>
    </message>
    <message>
        <source>--scenario plays a practice scenario in the practice store: add --training</source>
        <translation>--scenario reproduce un escenario de práctica en la tienda de práctica: añada --training</translation>
    </message>
    <message>
        <source>continuing order {id}, which was left open in the store</source>
        <translation>continuando el pedido {id}, que quedó abierto en la tienda</translation>
    </message>
    <message>
        <source>order {id} is still open: the script ends without pay</source>
        <translation>el pedido {id} sigue abierto: el guion termina sin pay</translation>
    </message>
    <message>
        <source>{n} expectation failed</source>
        <translation>{n} comprobación falló</translation>
    </message>
    <message>
        <source>{n} expectations failed</source>
        <translation>{n} comprobaciones fallaron</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formador</translation>
    </message>
    <message>
        <source>no {kind} on standard input (give it as one line, or run the command in a terminal to be asked for it)</source>
        <translation>no hay {kind} en la entrada estándar (indíquelo en una línea, o ejecute la orden en un terminal para que se le pida)</translation>
    </message>
    <message>
        <source>New {kind}: </source>
        <translation>Nuevo {kind}: </translation>
    </message>
    <message>
        <source>The same {kind} again: </source>
        <translation>El mismo {kind} otra vez: </translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was changed</source>
        <translation>los dos PIN no coinciden; no se cambió nada</translation>
    </message>
    <message>
        <source>the two passwords differ; nothing was changed</source>
        <translation>las dos contraseñas no coinciden; no se cambió nada</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>no {kind} yet</source>
        <translation>aún sin {kind}</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>bloqueado hasta las {time}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>role</source>
        <translation>función</translation>
    </message>
    <message>
        <source>signs in with</source>
        <translation>entra con</translation>
    </message>
    <message>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>secret set at</source>
        <translation>clave fijada el</translation>
    </message>
    <message>
        <source>this store has no manager yet; add one with &apos;pos-prompter staff --db {db} add NAME --role manager&apos;</source>
        <translation>esta tienda aún no tiene gerente; añada uno con &apos;pos-prompter staff --db {db} add NOMBRE --role manager&apos;</translation>
    </message>
    <message>
        <source>{name} is already on the staff list</source>
        <translation>{name} ya está en la lista de personal</translation>
    </message>
    <message>
        <source>Added {name} ({role}, signs in with a {kind})</source>
        <translation>Añadido {name} ({role}, entra con {kind})</translation>
    </message>
    <message>
        <source>there is no one called {name} on the staff list</source>
        <translation>no hay nadie llamado {name} en la lista de personal</translation>
    </message>
    <message>
        <source>Changed the {kind} of {name}</source>
        <translation>Cambiado el {kind} de {name}</translation>
    </message>
    <message>
        <source>{name} was already enabled</source>
        <translation>{name} ya estaba activado</translation>
    </message>
    <message>
        <source>{name} was already disabled</source>
        <translation>{name} ya estaba desactivado</translation>
    </message>
    <message>
        <source>Enabled {name}</source>
        <translation>Activado {name}</translation>
    </message>
    <message>
        <source>Disabled {name}</source>
        <translation>Desactivado {name}</translation>
    </message>
    <message>
        <source>{option} {text} is not a date (2026-11-23) or a date and time (2026-11-23T14:30)</source>
        <translation>{option} {text} no es una fecha (2026-11-23) ni una fecha y hora (2026-11-23T14:30)</translation>
    </message>
    <message>
        <source>at</source>
        <translation>cuándo</translation>
    </message>
    <message>
        <source>actor</source>
        <translation>autor</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>entidad</translation>
    </message>
    <message>
        <source>action</source>
        <translation>acción</translation>
    </message>
    <message>
        <source>change</source>
        <translation>cambio</translation>
    </message>
    <message>
        <source>no audit entries match</source>
        <translation>ninguna entrada de auditoría coincide</translation>
    </message>
    <message>
        <source>audit verify checks the whole log: it takes no {options}</source>
        <translation>audit verify comprueba el registro entero: no admite {options}</translation>
    </message>
    <message>
        <source>ok: {n} entries, chain intact</source>
        <translation>correcto: {n} entradas, cadena intacta</translation>
    </message>
    <message>
        <source>{problem} (the {n} entries before it link up)</source>
        <translation>{problem} (las {n} entradas anteriores enlazan bien)</translation>
    </message>
    <message>
        <source>list staff, add or disable them, set a PIN or password</source>
        <translation>listar el personal, añadir o desactivar personas, fijar un PIN o una contraseña</translation>
    </message>
    <message>
        <source>Clerks sign in at the till with a PIN (4-8 digits); trainers and managers with a password (10 characters or more, not all digits). PINs and passwords are read from standard input when it is not a terminal, else asked twice.</source>
        <translation>Los cajeros entran en la caja con un PIN (4-8 dígitos); formadores y gerentes con una contraseña (10 caracteres o más, no todos dígitos). PIN y contraseñas se leen de la entrada estándar si no es un terminal; si lo es, se piden dos veces.</translation>
    </message>
    <message>
        <source>everyone on the staff list</source>
        <translation>todas las personas de la lista de personal</translation>
    </message>
    <message>
        <source>add a clerk, trainer or manager</source>
        <translation>añadir un cajero, formador o gerente</translation>
    </message>
    <message>
        <source>clerk (PIN, the default), trainer or manager (password)</source>
        <translation>clerk (PIN, por defecto), trainer o manager (contraseña)</translation>
    </message>
    <message>
        <source>set a new PIN or password (also lifts a lockout)</source>
        <translation>fijar un PIN o una contraseña nuevos (también quita un bloqueo)</translation>
    </message>
    <message>
        <source>stop someone signing in (their history stays)</source>
        <translation>impedir que alguien entre (su historial se conserva)</translation>
    </message>
    <message>
        <source>let a disabled person sign in</source>
        <translation>dejar entrar a una persona desactivada</translation>
    </message>
    <message>
        <source>who changed rules, settings, catalog and staff</source>
        <translation>quién cambió reglas, ajustes, catálogo y personal</translation>
    </message>
    <message>
        <source>The audit log, oldest first: every change to rules, settings, products and staff, with who made it, when, and before and after. &apos;audit verify&apos; checks the log&apos;s hash chain instead: exit 0 when intact, 1 naming the first entry changed, removed or inserted behind the app&apos;s back.</source>
        <translation>El registro de auditoría, del más antiguo al más reciente: cada cambio de reglas, ajustes, productos y personal, con quién lo hizo, cuándo, y el antes y el después. &apos;audit verify&apos; comprueba en cambio la cadena de hashes del registro: sale con 0 si está intacta, con 1 indicando la primera entrada cambiada, quitada o insertada a espaldas de la aplicación.</translation>
    </message>
    <message>
        <source>check the log&apos;s hash chain instead of listing it</source>
        <translation>comprobar la cadena de hashes del registro en lugar de listarlo</translation>
    </message>
    <message>
        <source>only changes to these</source>
        <translation>solo los cambios de estos</translation>
    </message>
    <message>
        <source>only changes by WHO (a staff name, cli:USER or system)</source>
        <translation>solo los cambios de QUIÉN (un nombre del personal, cli:USER o system)</translation>
    </message>
    <message>
        <source>from this date (or date and time) on</source>
        <translation>desde esta fecha (o fecha y hora)</translation>
    </message>
    <message>
        <source>up to this date (the whole day) or time</source>
        <translation>hasta esta fecha (el día entero) u hora</translation>
    </message>
    <message>
        <source>only entries that mention TEXT (an id, a name, a value)</source>
        <translation>solo las entradas que mencionan TEXTO (un id, un nombre, un valor)</translation>
    </message>
    <message>
        <source>table (default) or csv</source>
        <translation>table (por defecto) o csv</translation>
    </message>
    <message>
        <source>{db} is a practice store, and suggestions are mined from real sales; give the real store ({real}) with --db</source>
        <translation>{db} es una tienda de práctica, y las propuestas se extraen de ventas reales; indique la tienda real ({real}) con --db</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>disparador</translation>
    </message>
    <message>
        <source>offer</source>
        <translation>oferta</translation>
    </message>
    <message>
        <source>support</source>
        <translation>soporte</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confianza</translation>
    </message>
    <message>
        <source>lift</source>
        <translation>lift</translation>
    </message>
    <message>
        <source>covered by</source>
        <translation>cubierto por</translation>
    </message>
    <message>
        <source>why</source>
        <translation>por qué</translation>
    </message>
    <message>
        <source>Cross-sells mined from {orders} paid orders (min support {support}) by
&apos;pos-prompter suggest --format yaml&apos;. Every rule is an inactive draft: read it,
edit its say, and turn it on in the workspace. Import with --merge (without
it the store&apos;s other rules would be removed):
  pos-prompter import rules FILE.yaml --merge --db {db}</source>
        <translation>Ventas cruzadas halladas en {orders} pedidos pagados (soporte mínimo {support}) por
&apos;pos-prompter suggest --format yaml&apos;. Cada regla es un borrador inactivo: léala,
edite su texto y actívela en el espacio de trabajo. Impórtela con --merge (sin
él se quitarían las demás reglas de la tienda):
  pos-prompter import rules ARCHIVO.yaml --merge --db {db}</translation>
    </message>
    <message>
        <source>mining the paid orders</source>
        <translation>analizando los pedidos pagados</translation>
    </message>
    <message>
        <source>no two products were bought together more often than chance in at least {least} of the {orders} paid orders; a lower --min-support finds rarer pairs</source>
        <translation>ningún par de productos se compró junto más a menudo que por azar en al menos {least} de los {orders} pedidos pagados; un --min-support menor encuentra pares más raros</translation>
    </message>
    <message>
        <source>cross-sells mined from sales, with their evidence</source>
        <translation>ventas cruzadas extraídas de las ventas, con sus pruebas</translation>
    </message>
    <message>
        <source>Pairs of products bought together more often than chance in the store&apos;s paid orders (the lines customers brought, not those a prompt added), best first (lift, then confidence, then orders), each with its evidence and the rule that already offers it, if any. --format yaml writes the others as a pack of inactive draft rules to import with --merge.</source>
        <translation>Pares de productos comprados juntos más a menudo que por azar en los pedidos pagados de la tienda (las líneas que trajeron los clientes, no las que añadió una sugerencia), los mejores primero (lift, luego confianza, luego pedidos), cada uno con sus pruebas y la regla que ya lo ofrece, si la hay. --format yaml escribe los demás como un paquete de reglas borrador inactivas para importar con --merge.</translation>
    </message>
    <message>
        <source>the share of orders a pair must be in, as a fraction (default {default}; 0.001 = 0.1%%); never fewer than 5 orders</source>
        <translation>la proporción de pedidos en que debe estar un par, como fracción (por defecto {default}; 0.001 = 0.1%%); nunca menos de 5 pedidos</translation>
    </message>
    <message>
        <source>table (default), json, or yaml (a pack of draft rules)</source>
        <translation>table (por defecto), json o yaml (un paquete de reglas borrador)</translation>
    </message>
    <message>
        <source>{text} is not a whole number of days from 1 to {most}</source>
        <translation>{text} no es un número entero de días de 1 a {most}</translation>
    </message>
    <message>
        <source>replaying {n} orders: {pct}%</source>
        <translation>reproduciendo {n} pedidos: {pct}%</translation>
    </message>
    <message>
        <source>{db} is a practice store: practice runs are not sales; give the real store with --db</source>
        <translation>{db} es una tienda de práctica: las prácticas no son ventas; indique la tienda real con --db</translation>
    </message>
    <message>
        <source>What-if over {n} paid order of the last {days} days ({since} to {until}); every prompt declined, the store&apos;s rules beside the draft:</source>
        <translation>Simulación sobre {n} pedido pagado de los últimos {days} días ({since} a {until}); todas las sugerencias rechazadas, las reglas de la tienda junto al borrador:</translation>
    </message>
    <message>
        <source>What-if over {n} paid orders of the last {days} days ({since} to {until}); every prompt declined, the store&apos;s rules beside the draft:</source>
        <translation>Simulación sobre {n} pedidos pagados de los últimos {days} días ({since} a {until}); todas las sugerencias rechazadas, las reglas de la tienda junto al borrador:</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>would show</source>
        <translation>se mostraría</translation>
    </message>
    <message>
        <source>held out</source>
        <translation>de control</translation>
    </message>
    <message>
        <source>kept quiet by cap</source>
        <translation>callada por el límite</translation>
    </message>
    <message>
        <source>rate used</source>
        <translation>tasa usada</translation>
    </message>
    <message>
        <source>expected accepts</source>
        <translation>aceptaciones esperadas</translation>
    </message>
    <message>
        <source>expected revenue</source>
        <translation>ingresos esperados</translation>
    </message>
    <message>
        <source>{rule}: rate used from {source}</source>
        <translation>{rule}: tasa tomada de {source}</translation>
    </message>
    <message>
        <source>rule pack {path} has no rules to replay</source>
        <translation>el paquete de reglas {path} no tiene reglas que reproducir</translation>
    </message>
    <message>
        <source>error: the draft cannot be replayed: {n} lint error (see above). Fix the pack first.</source>
        <translation>error: el borrador no se puede reproducir: {n} error de lint (vea arriba). Corrija antes el paquete.</translation>
    </message>
    <message>
        <source>error: the draft cannot be replayed: {n} lint errors (see above). Fix the pack first.</source>
        <translation>error: el borrador no se puede reproducir: {n} errores de lint (vea arriba). Corrija antes el paquete.</translation>
    </message>
    <message>
        <source>replay a draft rule over past orders: how often it would show, what it would earn</source>
        <translation>reproducir una regla borrador sobre pedidos pasados: cuántas veces se mostraría, cuánto ganaría</translation>
    </message>
    <message>
        <source>Replay a draft rule (a pack of one or more rules) over the paid orders of the last N days, with the store&apos;s rules beside it and every prompt declined: how often each draft would have been shown, and the revenue expected at the acceptance rate of the store&apos;s prompts of the same kind. A pack that lint finds errors in is refused (exit 1). It changes nothing in the store.</source>
        <translation>Reproduce una regla borrador (un paquete de una o más reglas) sobre los pedidos pagados de los últimos N días, con las reglas de la tienda a su lado y todas las sugerencias rechazadas: cuántas veces se habría mostrado cada borrador, y los ingresos esperados con la tasa de aceptación de las sugerencias de la tienda del mismo tipo. Un paquete en el que lint encuentra errores se rechaza (sale con 1). No cambia nada en la tienda.</translation>
    </message>
    <message>
        <source>the draft rule pack (YAML or JSON), as `import rules` reads it</source>
        <translation>el paquete de reglas borrador (YAML o JSON), tal como lo lee `import rules`</translation>
    </message>
    <message>
        <source>the last N days up to now (default {default})</source>
        <translation>los últimos N días hasta ahora (por defecto {default})</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>never more prompts than this in one order (whole number)</source>
        <translation>nunca más sugerencias que estas en un pedido (número entero)</translation>
    </message>
    <message>
        <source>an offer may add at most this times the trigger line&apos;s price</source>
        <translation>una oferta puede añadir como mucho estas veces el precio de la línea que la dispara</translation>
    </message>
    <message>
        <source>3-letter currency code, e.g. USD</source>
        <translation>código de moneda de 3 letras, p. ej. USD</translation>
    </message>
    <message>
        <source>at this many scans a minute an order gets only its single highest-ranked prompt (0 = off)</source>
        <translation>con estos escaneos por minuto un pedido recibe solo su sugerencia mejor clasificada (0 = desactivado)</translation>
    </message>
    <message>
        <source>the shop&apos;s name, shown in the window title</source>
        <translation>el nombre de la tienda, mostrado en el título de la ventana</translation>
    </message>
    <message>
        <source>rank clerks by offers made and accepted in reports: on or off (default off)</source>
        <translation>clasificar a los cajeros por ofertas hechas y aceptadas en los informes: on u off (por defecto off)</translation>
    </message>
    <message>
        <source>paid orders a clerk needs in the period to be ranked (default 20)</source>
        <translation>pedidos pagados que necesita un cajero en el periodo para entrar en la clasificación (por defecto 20)</translation>
    </message>
    <message>
        <source>the till backs the store up beside it every this many minutes, 5 to 1440 (default 30)</source>
        <translation>la caja hace una copia de seguridad de la tienda a su lado cada estos minutos, de 5 a 1440 (por defecto 30)</translation>
    </message>
    <message>
        <source>automatic backups are kept this many days, 1 to 366 (default 7)</source>
        <translation>las copias automáticas se conservan estos días, de 1 a 366 (por defecto 7)</translation>
    </message>
    <message>
        <source>the language of the window and the command line: en or es (default: the system&apos;s)</source>
        <translation>el idioma de la ventana y de la línea de órdenes: en o es (por defecto: el del sistema)</translation>
    </message>
    <message>
        <source>the till&apos;s colours: light or dark (default: the system&apos;s)</source>
        <translation>los colores de la caja: light (claros) o dark (oscuros) (por defecto: los del sistema)</translation>
    </message>
    <message>
        <source>easy</source>
        <translation>fácil</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>media</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>difícil</translation>
    </message>
    <message>
        <source>name of the trigger line&apos;s product</source>
        <translation>nombre del producto de la línea que la dispara</translation>
    </message>
    <message>
        <source>name of the offered product (or bundle items joined by &apos; + &apos;)</source>
        <translation>nombre del producto ofrecido (o los artículos del paquete unidos por &apos; + &apos;)</translation>
    </message>
    <message>
        <source>price the customer pays for the offer</source>
        <translation>precio que el cliente paga por la oferta</translation>
    </message>
    <message>
        <source>what accepting adds to the order total</source>
        <translation>lo que aceptar añade al total del pedido</translation>
    </message>
    <message>
        <source>size label of the upgrade target</source>
        <translation>etiqueta de tamaño del producto mejorado</translation>
    </message>
    <message>
        <source>extra quantity of the upgrade</source>
        <translation>cantidad extra de la mejora</translation>
    </message>
    <message>
        <source>unit of the upgrade&apos;s quantity</source>
        <translation>unidad de la cantidad de la mejora</translation>
    </message>
    <message>
        <source>how much cheaper per unit the upgrade is, as a percentage</source>
        <translation>cuánto más barata por unidad es la mejora, en porcentaje</translation>
    </message>
    <message>
        <source>bundle: what the customer saves against buying the items separately</source>
        <translation>paquete: lo que el cliente ahorra frente a comprar los artículos por separado</translation>
    </message>
    <message>
        <source>threshold: how far the order is below the reward total</source>
        <translation>umbral: cuánto le falta al pedido para el total del premio</translation>
    </message>
    <message>
        <source>share of past orders with the trigger item that also had the offer</source>
        <translation>proporción de pedidos pasados con el artículo disparador que también llevaron la oferta</translation>
    </message>
    <message>
        <source>input</source>
        <translation>datos</translation>
    </message>
    <message>
        <source>unknown problem</source>
        <translation>problema desconocido</translation>
    </message>
    <message>
        <source> (and {n} more)</source>
        <translation> (y {n} más)</translation>
    </message>
    <message>
        <source>{what} refused, nothing was changed: {first}{more}</source>
        <translation>rechazo de {what}, no se cambió nada: {first}{more}</translation>
    </message>
    <message>
        <source>{text!r} is not a role (choose {roles})</source>
        <translation>{text!r} no es una función (elija {roles})</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formador</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>a password needs at least {n} characters</source>
        <translation>una contraseña necesita al menos {n} caracteres</translation>
    </message>
    <message>
        <source>a password can have at most {n} characters</source>
        <translation>una contraseña puede tener como máximo {n} caracteres</translation>
    </message>
    <message>
        <source>a password cannot be all digits (a number is too easy to guess); use words or letters too</source>
        <translation>una contraseña no puede ser solo dígitos (un número es demasiado fácil de adivinar); use también palabras o letras</translation>
    </message>
    <message>
        <source>a password cannot be only spaces</source>
        <translation>una contraseña no puede ser solo espacios</translation>
    </message>
    <message>
        <source>a password cannot contain control characters</source>
        <translation>una contraseña no puede contener caracteres de control</translation>
    </message>
    <message>
        <source>a PIN is 4 to 8 digits (0-9)</source>
        <translation>un PIN tiene de 4 a 8 dígitos (0-9)</translation>
    </message>
    <message>
        <source>password refused: {problem}</source>
        <translation>contraseña rechazada: {problem}</translation>
    </message>
    <message>
        <source>PIN refused: {problem}</source>
        <translation>PIN rechazado: {problem}</translation>
    </message>
</context>
<context>
    <name>csv</name>
    <message>
        <source>barcode {code} must be digits only (0-9)</source>
        <translation>el código de barras {code} debe tener solo cifras (0-9)</translation>
    </message>
    <message>
        <source>barcode {code} must have 8, 12 or 13 digits (EAN-8, UPC-A, EAN-13)</source>
        <translation>el código de barras {code} debe tener 8, 12 o 13 cifras (EAN-8, UPC-A, EAN-13)</translation>
    </message>
    <message>
        <source>barcode {code} has check digit {digit}, expected {expected}</source>
        <translation>el código de barras {code} tiene el dígito de control {digit}, se esperaba {expected}</translation>
    </message>
    <message>
        <source>barcode {code} of {sku} already belongs to {owner}</source>
        <translation>el código de barras {code} de {sku} ya pertenece a {owner}</translation>
    </message>
    <message>
        <source>{value} is not true or false</source>
        <translation>{value} no es true ni false</translation>
    </message>
    <message>
        <source>tag {value} is not a slug like &apos;hot-drink&apos;</source>
        <translation>la etiqueta {value} no es un código como &apos;hot-drink&apos;</translation>
    </message>
    <message>
        <source>{value} must be 1-64 characters of A-Z a-z 0-9 - _ .</source>
        <translation>{value} debe tener de 1 a 64 caracteres de A-Z a-z 0-9 - _ .</translation>
    </message>
    <message>
        <source>{value} already used on line {line}</source>
        <translation>{value} ya se usa en la línea {line}</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>barcode {code} already belongs to {sku} (line {line})</source>
        <translation>el código de barras {code} ya pertenece a {sku} (línea {line})</translation>
    </message>
    <message>
        <source>{value} is not a slug like &apos;phone-accessories&apos;</source>
        <translation>{value} no es un código como &apos;phone-accessories&apos;</translation>
    </message>
    <message>
        <source>{value} is not a slug like &apos;latte&apos;</source>
        <translation>{value} no es un código como &apos;latte&apos;</translation>
    </message>
    <message>
        <source>{value} is above the largest size rank, {most}</source>
        <translation>{value} supera el mayor rango de tamaño, {most}</translation>
    </message>
    <message>
        <source>{value} is not a whole number from 1 up</source>
        <translation>{value} no es un número entero desde 1</translation>
    </message>
    <message>
        <source>a product with a family needs a size_rank</source>
        <translation>un producto con family necesita un size_rank</translation>
    </message>
    <message>
        <source>a product with a size_rank needs a family</source>
        <translation>un producto con size_rank necesita una family</translation>
    </message>
    <message>
        <source>{value} is not a positive decimal number</source>
        <translation>{value} no es un número decimal positivo</translation>
    </message>
    <message>
        <source>the file is empty, expected a header row</source>
        <translation>el archivo está vacío, se esperaba una fila de cabecera</translation>
    </message>
    <message>
        <source>unknown column (known: {known})</source>
        <translation>columna desconocida (conocidas: {known})</translation>
    </message>
    <message>
        <source>required column {column} is missing</source>
        <translation>falta la columna obligatoria {column}</translation>
    </message>
    <message>
        <source>column appears twice</source>
        <translation>la columna aparece dos veces</translation>
    </message>
    <message>
        <source>has {count} fields, the header has {width}</source>
        <translation>tiene {count} campos, la cabecera tiene {width}</translation>
    </message>
    <message>
        <source>a cell is longer than {most} characters</source>
        <translation>una celda tiene más de {most} caracteres</translation>
    </message>
    <message>
        <source>cannot be read as CSV ({reason})</source>
        <translation>no se puede leer como CSV ({reason})</translation>
    </message>
    <message>
        <source>line {line}: {message}</source>
        <translation>línea {line}: {message}</translation>
    </message>
    <message>
        <source>line {line}, column {column}: {message}</source>
        <translation>línea {line}, columna {column}: {message}</translation>
    </message>
    <message>
        <source>{value} is not an order id (1-64 letters, digits and . _ : / # -)</source>
        <translation>{value} no es un id de pedido (de 1 a 64 letras, cifras y . _ : / # -)</translation>
    </message>
    <message>
        <source>{value} is not in the catalog</source>
        <translation>{value} no está en el catálogo</translation>
    </message>
    <message>
        <source>{value} is not a whole number from 1 to 9999</source>
        <translation>{value} no es un número entero de 1 a 9999</translation>
    </message>
    <message>
        <source>{value} is not a date and time like {example}</source>
        <translation>{value} no es una fecha y hora como {example}</translation>
    </message>
    <message>
        <source>order {order} has another time on line {line}</source>
        <translation>el pedido {order} tiene otra hora en la línea {line}</translation>
    </message>
</context>
<context>
    <name>customer</name>
    <message>
        <source>Yes, please!</source>
        <translation>¡Sí, por favor!</translation>
    </message>
    <message>
        <source>Sure, why not.</source>
        <translation>Claro, ¿por qué no?</translation>
    </message>
    <message>
        <source>Oh, go on then.</source>
        <translation>Bueno, venga.</translation>
    </message>
    <message>
        <source>Sounds good, yes.</source>
        <translation>Suena bien, sí.</translation>
    </message>
    <message>
        <source>No, thank you.</source>
        <translation>No, gracias.</translation>
    </message>
    <message>
        <source>Not today, thanks.</source>
        <translation>Hoy no, gracias.</translation>
    </message>
    <message>
        <source>I&apos;m fine, thanks.</source>
        <translation>Así estoy bien, gracias.</translation>
    </message>
    <message>
        <source>No, just that.</source>
        <translation>No, solo eso.</translation>
    </message>
    <message>
        <source>Hmm, why would I want that?</source>
        <translation>Mmm, ¿y por qué iba a quererlo?</translation>
    </message>
    <message>
        <source>Why that one?</source>
        <translation>¿Por qué ese?</translation>
    </message>
    <message>
        <source>What&apos;s in it for me?</source>
        <translation>¿Y yo qué gano con eso?</translation>
    </message>
</context>
<context>
    <name>customer_type</name>
    <message>
        <source>Customer: no type set</source>
        <translation>Cliente: sin tipo</translation>
    </message>
    <message>
        <source>Customer: {type}</source>
        <translation>Cliente: {type}</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>This customer is a {type} (tap again for none)</source>
        <translation>Este cliente es {type} (toque otra vez para ninguno)</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>store setting ({ratio}x)</source>
        <translation>ajuste de la tienda ({ratio}x)</translation>
    </message>
    <message>
        <source>Not published: fix the problems marked in the form first.</source>
        <translation>No publicada: corrija primero los problemas marcados en el formulario.</translation>
    </message>
    <message>
        <source>Not published: {reason}</source>
        <translation>No publicada: {reason}</translation>
    </message>
    <message>
        <source>Not published: the warnings below were not confirmed.</source>
        <translation>No publicada: no se confirmaron los avisos de abajo.</translation>
    </message>
    <message>
        <source>Published {rule}: every till uses it from its next scan.</source>
        <translation>Publicada {rule}: todas las cajas la usan desde su próximo escaneo.</translation>
    </message>
    <message>
        <source>{rule} is already published as it is: nothing changed.</source>
        <translation>{rule} ya está publicada tal como está: no cambió nada.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publicar</translation>
    </message>
    <message>
        <source>Check the rule with lint and put it live at every till</source>
        <translation>Comprobar la regla con lint y ponerla en marcha en todas las cajas</translation>
    </message>
    <message>
        <source>The rule</source>
        <translation>La regla</translation>
    </message>
    <message>
        <source>How it is named in the rule list, the audit log and the reports.</source>
        <translation>Cómo se llama en la lista de reglas, el registro de auditoría y los informes.</translation>
    </message>
    <message>
        <source>What triggers it</source>
        <translation>Qué la dispara</translation>
    </message>
    <message>
        <source>The till considers the rule when all of these hold; an empty field is no condition.</source>
        <translation>La caja tiene en cuenta la regla cuando se cumple todo esto; un campo vacío no es ninguna condición.</translation>
    </message>
    <message>
        <source>What it offers</source>
        <translation>Qué ofrece</translation>
    </message>
    <message>
        <source>The kind of suggestion, and what the customer is offered.</source>
        <translation>El tipo de sugerencia y lo que se ofrece al cliente.</translation>
    </message>
    <message>
        <source>What the clerk says</source>
        <translation>Qué dice el cajero</translation>
    </message>
    <message>
        <source>The card&apos;s words: read aloud, and the reason under them.</source>
        <translation>Las palabras de la tarjeta: lo que se lee en voz alta y el motivo debajo.</translation>
    </message>
    <message>
        <source>Guardrails &amp; timing</source>
        <translation>Límites y horario</translation>
    </message>
    <message>
        <source>When it may run, how it ranks against the other prompts, and how much it may add to the order.</source>
        <translation>Cuándo puede aparecer, cómo se clasifica frente a las demás sugerencias y cuánto puede añadir al pedido.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Guardrails</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Go to:</source>
        <translation>Ir a:</translation>
    </message>
    <message>
        <source>Scroll to “{section}”</source>
        <translation>Desplazarse a «{section}»</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>a-z, 0-9 and -; it cannot change once the rule is published</source>
        <translation>a-z, 0-9 y -; no puede cambiar una vez publicada la regla</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>Size up morning lattes</source>
        <translation>Lattes de la mañana a tamaño mayor</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Active (shown at the tills)</source>
        <translation>Activa (se muestra en las cajas)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <source>When an item is scanned</source>
        <translation>Al escanear un artículo</translation>
    </message>
    <message>
        <source>At checkout</source>
        <translation>Al cobrar</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>scanned products</source>
        <translation>productos escaneados</translation>
    </message>
    <message>
        <source>Product: type a SKU or name, or scan</source>
        <translation>Producto: escriba un SKU o un nombre, o escanee</translation>
    </message>
    <message>
        <source>scanned categories</source>
        <translation>categorías escaneadas</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>scanned tags</source>
        <translation>etiquetas escaneadas</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Scanned item is</source>
        <translation>El artículo escaneado es</translation>
    </message>
    <message>
        <source>any of these products, categories or tags (none: any item)</source>
        <translation>cualquiera de estos productos, categorías o etiquetas (ninguno: cualquier artículo)</translation>
    </message>
    <message>
        <source>or in category</source>
        <translation>o de la categoría</translation>
    </message>
    <message>
        <source>or tagged</source>
        <translation>o con la etiqueta</translation>
    </message>
    <message>
        <source>order total from</source>
        <translation>total del pedido desde</translation>
    </message>
    <message>
        <source>e.g. {amount}</source>
        <translation>p. ej. {amount}</translation>
    </message>
    <message>
        <source>order total up to</source>
        <translation>total del pedido hasta</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>Total del pedido</translation>
    </message>
    <message>
        <source>sku:X, category:Y or tag:Z</source>
        <translation>sku:X, category:Y o tag:Z</translation>
    </message>
    <message>
        <source>order has</source>
        <translation>el pedido tiene</translation>
    </message>
    <message>
        <source>Order has all of</source>
        <translation>El pedido tiene todos</translation>
    </message>
    <message>
        <source>order lacks</source>
        <translation>al pedido le falta</translation>
    </message>
    <message>
        <source>Order has none of</source>
        <translation>El pedido no tiene ninguno</translation>
    </message>
    <message>
        <source>customer types</source>
        <translation>tipos de cliente</translation>
    </message>
    <message>
        <source>Customer type, e.g. member</source>
        <translation>Tipo de cliente, p. ej. member</translation>
    </message>
    <message>
        <source>Customer type</source>
        <translation>Tipo de cliente</translation>
    </message>
    <message>
        <source>any of these (none: anyone)</source>
        <translation>cualquiera de estos (ninguno: cualquiera)</translation>
    </message>
    <message>
        <source>say</source>
        <translation>decir</translation>
    </message>
    <message>
        <source>Would you like a {offer} with that? It&apos;s {price}.</source>
        <translation>¿Le apetece un {offer} con eso? Son {price}.</translation>
    </message>
    <message>
        <source>Say</source>
        <translation>Decir</translation>
    </message>
    <message>
        <source>read aloud to the customer</source>
        <translation>se lee en voz alta al cliente</translation>
    </message>
    <message>
        <source>why</source>
        <translation>por qué</translation>
    </message>
    <message>
        <source>Why it is worth asking (shown to the clerk)</source>
        <translation>Por qué vale la pena preguntar (lo ve el cajero)</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Insert a placeholder where the cursor is (greyed out: no value for this kind of rule)</source>
        <translation>Insertar un marcador donde está el cursor (en gris: sin valor para este tipo de regla)</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horas</translation>
    </message>
    <message>
        <source>local time; may wrap midnight (22:00 to 02:00)</source>
        <translation>hora local; puede pasar la medianoche (22:00 a 02:00)</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>none ticked: every day</source>
        <translation>ninguno marcado: todos los días</translation>
    </message>
    <message>
        <source>from date</source>
        <translation>fecha desde</translation>
    </message>
    <message>
        <source>to date</source>
        <translation>fecha hasta</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>priority</source>
        <translation>prioridad</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>higher first (a line&apos;s upsells always come first)</source>
        <translation>las más altas primero (las mejoras de una línea siempre van primero)</translation>
    </message>
    <message>
        <source>holdout</source>
        <translation>grupo de control</translation>
    </message>
    <message>
        <source>Holdout</source>
        <translation>Grupo de control</translation>
    </message>
    <message>
        <source>share of orders that never see it, to measure uplift: 0.1 = 10%</source>
        <translation>proporción de pedidos que nunca la ven, para medir el aumento: 0.1 = 10%</translation>
    </message>
    <message>
        <source>max offer ratio</source>
        <translation>proporción máxima de la oferta</translation>
    </message>
    <message>
        <source>Max offer ratio</source>
        <translation>Proporción máx. de la oferta</translation>
    </message>
    <message>
        <source>(no value in a {kind} prompt: it would render empty)</source>
        <translation>(sin valor en una sugerencia de tipo {kind}: saldría vacío)</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>Only at these hours:</source>
        <translation>Solo en estas horas:</translation>
    </message>
    <message>
        <source>wraps midnight</source>
        <translation>pasa la medianoche</translation>
    </message>
    <message>
        <source>change {field}</source>
        <translation>cambiar {field}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>{rule} is already the id of another rule in this store</source>
        <translation>{rule} ya es el id de otra regla de esta tienda</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>Upsell</source>
        <translation>Mejora</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Venta cruzada</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Threshold (reward)</source>
        <translation>Umbral (premio)</translation>
    </message>
    <message>
        <source>Replaces the scanned item with a bigger size or a better product.</source>
        <translation>Sustituye el artículo escaneado por un tamaño mayor o un producto mejor.</translation>
    </message>
    <message>
        <source>Adds another item: the first of the list that is not in the order yet.</source>
        <translation>Añade otro artículo: el primero de la lista que aún no está en el pedido.</translation>
    </message>
    <message>
        <source>Adds items to the scanned one, all of them together for a set price.</source>
        <translation>Añade artículos al escaneado, todos juntos por un precio fijo.</translation>
    </message>
    <message>
        <source>Tells the customer how close the order is to a reward at a given total.</source>
        <translation>Dice al cliente cuánto le falta al pedido para un premio a partir de un total.</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>The next size up in the item&apos;s family</source>
        <translation>El siguiente tamaño de la familia del artículo</translation>
    </message>
    <message>
        <source>This product:</source>
        <translation>Este producto:</translation>
    </message>
    <message>
        <source>upsell offer</source>
        <translation>oferta de mejora</translation>
    </message>
    <message>
        <source>upgrade to</source>
        <translation>mejorar a</translation>
    </message>
    <message>
        <source>SKU to upgrade the scanned item to</source>
        <translation>SKU al que mejorar el artículo escaneado</translation>
    </message>
    <message>
        <source>Upgrade to</source>
        <translation>Mejorar a</translation>
    </message>
    <message>
        <source>items to add</source>
        <translation>artículos que añadir</translation>
    </message>
    <message>
        <source>Offer the first of</source>
        <translation>Ofrecer el primero de</translation>
    </message>
    <message>
        <source>in this order: the first one not already in the order is offered</source>
        <translation>en este orden: se ofrece el primero que aún no está en el pedido</translation>
    </message>
    <message>
        <source>bundle items</source>
        <translation>artículos del paquete</translation>
    </message>
    <message>
        <source>Product: type a SKU or name</source>
        <translation>Producto: escriba un SKU o un nombre</translation>
    </message>
    <message>
        <source>Add these items</source>
        <translation>Añadir estos artículos</translation>
    </message>
    <message>
        <source>bundle price</source>
        <translation>precio del paquete</translation>
    </message>
    <message>
        <source>for, together</source>
        <translation>por, en conjunto</translation>
    </message>
    <message>
        <source>reward total</source>
        <translation>total del premio</translation>
    </message>
    <message>
        <source>Reward at a total of</source>
        <translation>Premio con un total de</translation>
    </message>
    <message>
        <source>within</source>
        <translation>margen</translation>
    </message>
    <message>
        <source>Prompt when this close</source>
        <translation>Sugerir cuando falte esto</translation>
    </message>
    <message>
        <source>empty: whenever below the total</source>
        <translation>vacío: siempre que esté por debajo del total</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>premio</translation>
    </message>
    <message>
        <source>Reward SKU</source>
        <translation>SKU del premio</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Premio</translation>
    </message>
    <message>
        <source>reward price</source>
        <translation>precio del premio</translation>
    </message>
    <message>
        <source>0.00 for a free gift</source>
        <translation>0.00 para un regalo</translation>
    </message>
    <message>
        <source>Reward price</source>
        <translation>Precio del premio</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>lint found {n} error (below) to fix first.</source>
        <translation>lint encontró {n} error (abajo) que corregir antes.</translation>
    </message>
    <message>
        <source>lint found {n} errors (below) to fix first.</source>
        <translation>lint encontró {n} errores (abajo) que corregir antes.</translation>
    </message>
    <message>
        <source>Publish with warnings?</source>
        <translation>¿Publicar con avisos?</translation>
    </message>
    <message>
        <source>Lint has {n} warning about {rule}:</source>
        <translation>Lint tiene {n} aviso sobre {rule}:</translation>
    </message>
    <message>
        <source>Lint has {n} warnings about {rule}:</source>
        <translation>Lint tiene {n} avisos sobre {rule}:</translation>
    </message>
    <message>
        <source>Publish anyway</source>
        <translation>Publicar de todos modos</translation>
    </message>
</context>
<context>
    <name>evidence</name>
    <message>
        <source>{offer} {price} vs {item} {paid}: {delta} more</source>
        <translation>{offer} {price} frente a {item} {paid}: {delta} más</translation>
    </message>
    <message>
        <source>{offer} at its usual price, {price}</source>
        <translation>{offer} a su precio habitual, {price}</translation>
    </message>
    <message>
        <source>{offer} for {price} instead of {list_total}: saves {saving}</source>
        <translation>{offer} por {price} en lugar de {list_total}: ahorra {saving}</translation>
    </message>
    <message>
        <source>Order {goods}; {reward} unlocks at {total}: {gap} to go</source>
        <translation>Pedido de {goods}; {reward} se desbloquea a partir de {total}: faltan {gap}</translation>
    </message>
    <message>
        <source>{reward} for {price} (usually {usual})</source>
        <translation>{reward} por {price} (normalmente {usual})</translation>
    </message>
    <message>
        <source>Bought together in {share} of orders with {item}, last {days} days ({orders} orders)</source>
        <translation>Comprados juntos en el {share} de los pedidos con {item}, últimos {days} días ({orders} pedidos)</translation>
    </message>
    <message>
        <source>{share} cheaper</source>
        <translation>un {share} más barato</translation>
    </message>
    <message>
        <source>{share} dearer</source>
        <translation>un {share} más caro</translation>
    </message>
    <message>
        <source>{qty} {unit} vs {now_qty} {unit}: {diff} {unit} more, {cheaper} per {unit}</source>
        <translation>{qty} {unit} frente a {now_qty} {unit}: {diff} {unit} más, {cheaper} por {unit}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Rule packs (*.yaml *.yml *.json)</source>
        <translation>Paquetes de reglas (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>Catalog CSV (*.csv)</source>
        <translation>Catálogo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Past orders CSV (*.csv)</source>
        <translation>Pedidos pasados CSV (*.csv)</translation>
    </message>
    <message>
        <source>Import rule pack</source>
        <translation>Importar paquete de reglas</translation>
    </message>
    <message>
        <source>Import catalog</source>
        <translation>Importar catálogo</translation>
    </message>
    <message>
        <source>Import past orders</source>
        <translation>Importar pedidos pasados</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Añadidos</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Cambiados</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Quitados</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
    <message>
        <source>Merge: only add and update rules; keep the rules that are not in the pack</source>
        <translation>Combinar: solo añadir y actualizar reglas; conservar las reglas que no están en el paquete</translation>
    </message>
    <message>
        <source>Lint findings</source>
        <translation>Hallazgos de lint</translation>
    </message>
    <message>
        <source>I have read the warnings: publish anyway</source>
        <translation>He leído los avisos: publicar de todos modos</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>This store has no file to import into.</source>
        <translation>Esta tienda no tiene archivo en el que importar.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>{n} lint error blocks publishing: fix the pack and choose it again.</source>
        <translation>{n} error de lint impide publicar: corrija el paquete y vuelva a elegirlo.</translation>
    </message>
    <message>
        <source>{n} lint errors block publishing: fix the pack and choose it again.</source>
        <translation>{n} errores de lint impiden publicar: corrija el paquete y vuelva a elegirlo.</translation>
    </message>
    <message>
        <source>{n} warning: tick the box below to publish anyway.</source>
        <translation>{n} aviso: marque la casilla de abajo para publicar de todos modos.</translation>
    </message>
    <message>
        <source>{n} warnings: tick the box below to publish anyway.</source>
        <translation>{n} avisos: marque la casilla de abajo para publicar de todos modos.</translation>
    </message>
    <message>
        <source>Nothing would change.</source>
        <translation>No cambiaría nada.</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>y {n} más</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Reports and evidence include them from now on.</source>
        <translation>Los informes y las pruebas los incluyen desde ahora.</translation>
    </message>
    <message>
        <source>The tills use the change from now on.</source>
        <translation>Las cajas usan el cambio desde ahora.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Hecho.</translation>
    </message>
    <message>
        <source>Wait for the import to finish; it cannot be stopped half-way (it is all or nothing).</source>
        <translation>Espere a que termine la importación; no se puede detener a medias (es todo o nada).</translation>
    </message>
    <message>
        <source>rules</source>
        <translation>reglas</translation>
    </message>
    <message>
        <source>products</source>
        <translation>productos</translation>
    </message>
    <message>
        <source>past orders</source>
        <translation>pedidos pasados</translation>
    </message>
    <message>
        <source>{n} in the file ({lines} lines)</source>
        <translation>{n} en el archivo ({lines} líneas)</translation>
    </message>
    <message>
        <source>{n} added</source>
        <translation>{n} de alta</translation>
    </message>
    <message>
        <source>{n} changed</source>
        <translation>{n} con cambios</translation>
    </message>
    <message>
        <source>{n} removed</source>
        <translation>{n} de baja</translation>
    </message>
    <message>
        <source>{n} unchanged</source>
        <translation>{n} sin cambios</translation>
    </message>
    <message>
        <source>{n} already imported</source>
        <translation>{n} ya en la tienda</translation>
    </message>
    <message>
        <source>{items}: {counts}</source>
        <translation>{items}: {counts}</translation>
    </message>
    <message>
        <source>settings: {changes}</source>
        <translation>ajustes: {changes}</translation>
    </message>
    <message>
        <source>Merge: rules not in the pack stay as they are.</source>
        <translation>Combinar: las reglas que no están en el paquete se quedan como están.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>{n} products in the store are not in the file: they stay as they are (an import never deletes products; set active to false instead).</source>
        <translation>{n} productos de la tienda no están en el archivo: se quedan como están (una importación nunca borra productos; ponga active a false en su lugar).</translation>
    </message>
    <message>
        <source>{n} orders worth {amount} in all, {first} to {last}.</source>
        <translation>{n} pedidos por {amount} en total, del {first} al {last}.</translation>
    </message>
    <message>
        <source>{n} orders worth {amount} in all.</source>
        <translation>{n} pedidos por {amount} en total.</translation>
    </message>
    <message>
        <source>Orders imported before (the same order id) are skipped, never doubled.</source>
        <translation>Los pedidos importados antes (el mismo id de pedido) se omiten, nunca se duplican.</translation>
    </message>
    <message>
        <source>The {what} is refused and nothing was changed: {n} problem.</source>
        <translation>{what}: rechazado, no se cambió nada: {n} problema.</translation>
    </message>
    <message>
        <source>The {what} is refused and nothing was changed: {n} problems.</source>
        <translation>{what}: rechazado, no se cambió nada: {n} problemas.</translation>
    </message>
    <message>
        <source>Refused, nothing was changed: {message}</source>
        <translation>Rechazado, no se cambió nada: {message}</translation>
    </message>
    <message>
        <source>Unexpected error ({error}); nothing was changed. The error is in the log.</source>
        <translation>Error inesperado ({error}); no se cambió nada. El error está en el registro.</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>The job stopped before it finished.</source>
        <translation>El trabajo se detuvo antes de terminar.</translation>
    </message>
</context>
<context>
    <name>lint</name>
    <message>
        <source>{field} names {skus}, not in the catalog: the rule offers a product the till does not have</source>
        <translation>{field} nombra {skus}, que no está en el catálogo: la regla ofrece un producto que la caja no tiene</translation>
    </message>
    <message>
        <source>{field} names {skus}, which is not for sale (inactive): the rule skips it and offers the next candidate</source>
        <translation>{field} nombra {skus}, que no está a la venta (inactivo): la regla lo salta y ofrece el siguiente candidato</translation>
    </message>
    <message>
        <source>{field} names {skus}, which is not for sale (inactive): the rule can never make its offer</source>
        <translation>{field} nombra {skus}, que no está a la venta (inactivo): la regla nunca puede hacer su oferta</translation>
    </message>
    <message>
        <source>when.scanned.sku names {skus}, which is not for sale (inactive) and is never scanned</source>
        <translation>when.scanned.sku nombra {skus}, que no está a la venta (inactivo) y nunca se escanea</translation>
    </message>
    <message>
        <source>when.scanned.{what} names {names}, which no active product has</source>
        <translation>when.scanned.{what} nombra {names}, que no tiene ningún producto activo</translation>
    </message>
    <message>
        <source>when.scanned.{what} names {names}, which no active product has: the rule cannot fire until one does</source>
        <translation>when.scanned.{what} nombra {names}, que no tiene ningún producto activo: la regla no puede aparecer hasta que alguno lo tenga</translation>
    </message>
    <message>
        <source>offer.upgrade_to is {sku}, which also triggers the rule: scanning {sku} never offers it again</source>
        <translation>offer.upgrade_to es {sku}, que también dispara la regla: escanear {sku} nunca lo vuelve a ofrecer</translation>
    </message>
    <message>
        <source>offer.upgrade_to {sku} costs {price}, less than every product that triggers it (the cheapest, {cheapest}, is {lowest}): an upsell down is never offered</source>
        <translation>offer.upgrade_to {sku} cuesta {price}, menos que todos los productos que la disparan (el más barato, {cheapest}, cuesta {lowest}): una mejora hacia abajo nunca se ofrece</translation>
    </message>
    <message>
        <source>offer.bundle.price {price} is more than the items cost separately ({separate}): the customer would pay more than buying them separately</source>
        <translation>offer.bundle.price {price} es más de lo que cuestan los artículos por separado ({separate}): el cliente pagaría más que comprándolos por separado</translation>
    </message>
    <message>
        <source>offer.bundle.price {price} is exactly what the items cost separately: the bundle saves the customer nothing</source>
        <translation>offer.bundle.price {price} es justo lo que cuestan los artículos por separado: el paquete no ahorra nada al cliente</translation>
    </message>
    <message>
        <source>offer.threshold.reward_price {price} is above {sku}&apos;s own price {own}: the reward costs more than buying it</source>
        <translation>offer.threshold.reward_price {price} supera el precio propio de {sku}, {own}: el premio cuesta más que comprarlo</translation>
    </message>
    <message>
        <source>max_offer_ratio is {ratio}: an offer may add more than twice the price of what triggered it (no Ford to Ferrari)</source>
        <translation>max_offer_ratio es {ratio}: una oferta puede añadir más del doble del precio de lo que la disparó (nada de pasar de un Seat a un Ferrari)</translation>
    </message>
    <message>
        <source>the store&apos;s max_offer_ratio (which this rule uses) is {ratio}: an offer may add more than twice the price of what triggered it (no Ford to Ferrari)</source>
        <translation>el max_offer_ratio de la tienda (que usa esta regla) es {ratio}: una oferta puede añadir más del doble del precio de lo que la disparó (nada de pasar de un Seat a un Ferrari)</translation>
    </message>
    <message>
        <source>when.time.to is {date}, in the past: the rule will never fire again</source>
        <translation>when.time.to es {date}, en el pasado: la regla no volverá a aparecer</translation>
    </message>
    <message>
        <source>{field} uses {names}, which has no value in {where} and renders empty</source>
        <translation>{field} usa {names}, que no tiene valor en {where} y sale vacío</translation>
    </message>
    <message>
        <source>{placeholder} renders empty until at least {n} past orders in the last 90 days had the trigger item</source>
        <translation>{placeholder} sale vacío hasta que al menos {n} pedidos pasados de los últimos 90 días tengan el artículo disparador</translation>
    </message>
    <message>
        <source>{field} is {n} words, more than {most}: too long for the clerk to read out in one breath</source>
        <translation>{field} tiene {n} palabras, más de {most}: demasiado largo para que el cajero lo lea de un tirón</translation>
    </message>
    <message>
        <source>{field} is {n} characters, more than {most}: too long for the clerk to read out in one breath</source>
        <translation>{field} tiene {n} caracteres, más de {most}: demasiado largo para que el cajero lo lea de un tirón</translation>
    </message>
    <message>
        <source>always fires together with rule {rules}: same event, triggers and conditions, same priority {priority}; the order between them is decided by kind and id only</source>
        <translation>siempre aparece junto con la regla {rules}: mismo evento, disparadores y condiciones, misma prioridad {priority}; el orden entre ellas lo deciden solo el tipo y el id</translation>
    </message>
    <message>
        <source>always fires together with rules {rules}: same event, triggers and conditions, same priority {priority}; the order between them is decided by kind and id only</source>
        <translation>siempre aparece junto con las reglas {rules}: mismo evento, disparadores y condiciones, misma prioridad {priority}; el orden entre ellas lo deciden solo el tipo y el id</translation>
    </message>
    <message>
        <source>upsell loop: {steps}: accepting one upgrade offers the way back</source>
        <translation>bucle de mejoras: {steps}: aceptar una mejora ofrece el camino de vuelta</translation>
    </message>
    <message>
        <source>{second} and {first} both offer {what} to the same scanned item (for example {where}): what a customer says no to from {first} is not offered again by {second} in that order</source>
        <translation>{second} y {first} ofrecen los dos {what} al mismo artículo escaneado (por ejemplo {where}): lo que un cliente rechaza de {first} no se lo vuelve a ofrecer {second} en ese pedido</translation>
    </message>
    <message>
        <source>this offer is always blocked by the price ratio: {detail} is more than max_offer_ratio {ratio}x allows</source>
        <translation>esta oferta siempre la bloquea la proporción de precio: {detail} es más de lo que permite max_offer_ratio {ratio}x</translation>
    </message>
    <message>
        <source>raise max_offer_ratio on the rule to at least {needed}, offer something cheaper, or trigger it on dearer products</source>
        <translation>suba el max_offer_ratio de la regla al menos a {needed}, ofrezca algo más barato o dispárela con productos más caros</translation>
    </message>
    <message>
        <source>raise max_offer_ratio on the rule to at least {needed}, offer something cheaper, or ask it only on bigger orders (a higher order_total or total_max)</source>
        <translation>suba el max_offer_ratio de la regla al menos a {needed}, ofrezca algo más barato o pregunte solo en pedidos más grandes (un order_total o total_max más alto)</translation>
    </message>
    <message>
        <source>decide which way the customer should go and remove the upgrade the other way, in this rule</source>
        <translation>decida en qué sentido debe ir el cliente y quite la mejora en el otro sentido, en esta regla</translation>
    </message>
    <message>
        <source>decide which way the customer should go and remove the upgrade the other way, in this rule or in {rules}</source>
        <translation>decida en qué sentido debe ir el cliente y quite la mejora en el otro sentido, en esta regla o en {rules}</translation>
    </message>
    <message>
        <source>correct the SKU in {field}, import the product into the catalog, or remove it from the rule</source>
        <translation>corrija el SKU en {field}, importe el producto al catálogo o quítelo de la regla</translation>
    </message>
    <message>
        <source>remove {skus} from {field}, or make it active again in the catalog</source>
        <translation>quite {skus} de {field}, o vuelva a activarlo en el catálogo</translation>
    </message>
    <message>
        <source>offer an active product instead, or make {skus} active again in the catalog</source>
        <translation>ofrezca en su lugar un producto activo, o vuelva a activar {skus} en el catálogo</translation>
    </message>
    <message>
        <source>remove it from when.scanned.sku, or make the product active again in the catalog</source>
        <translation>quítelo de when.scanned.sku, o vuelva a activar el producto en el catálogo</translation>
    </message>
    <message>
        <source>check the spelling of the {what}, or give active products that {what} in the catalog</source>
        <translation>revise la ortografía de la {what}, o asigne esa {what} a productos activos en el catálogo</translation>
    </message>
    <message>
        <source>upgrade to a dearer product, or use a cross_sell to suggest the cheaper one</source>
        <translation>mejore a un producto más caro, o use una cross_sell para sugerir el más barato</translation>
    </message>
    <message>
        <source>set offer.bundle.price below {separate}, or make it a cross_sell</source>
        <translation>ponga offer.bundle.price por debajo de {separate}, o conviértala en una cross_sell</translation>
    </message>
    <message>
        <source>set offer.bundle.price below {separate}</source>
        <translation>ponga offer.bundle.price por debajo de {separate}</translation>
    </message>
    <message>
        <source>set reward_price to {own} or less (0.00 for a free gift)</source>
        <translation>ponga reward_price en {own} o menos (0.00 para un regalo)</translation>
    </message>
    <message>
        <source>lower max_offer_ratio on the rule to 2 or less</source>
        <translation>baje el max_offer_ratio de la regla a 2 o menos</translation>
    </message>
    <message>
        <source>move when.time.to forward for a new run, or switch the rule off (active: false) or remove it</source>
        <translation>adelante when.time.to para una nueva temporada, o desactive la regla (active: false) o bórrela</translation>
    </message>
    <message>
        <source>remove {names} from {field} or reword it (this kind can use {usable})</source>
        <translation>quite {names} de {field} o redáctelo de nuevo (este tipo puede usar {usable})</translation>
    </message>
    <message>
        <source>word the text so it reads well without the figure, or import past sales (pos-prompter import orders) so it has one</source>
        <translation>redacte el texto para que se lea bien sin la cifra, o importe ventas pasadas (pos-prompter import orders) para que la tenga</translation>
    </message>
    <message>
        <source>shorten {field} to {words} words and {chars} characters or fewer (move the reason to why)</source>
        <translation>acorte {field} a {words} palabras y {chars} caracteres o menos (pase el motivo a why)</translation>
    </message>
    <message>
        <source>shorten {field} to {words} words and {chars} characters or fewer (one sentence the clerk can say; keep your own notes out of it)</source>
        <translation>acorte {field} a {words} palabras y {chars} caracteres o menos (una frase que el cajero pueda decir; deje fuera sus propias notas)</translation>
    </message>
    <message>
        <source>give the rule that should come first a higher priority, or merge them into one rule</source>
        <translation>dé más prioridad a la regla que debe ir primero, o únalas en una sola regla</translation>
    </message>
    <message>
        <source>offer something else in one of them, or change their scanned items so they do not meet</source>
        <translation>ofrezca otra cosa en una de ellas, o cambie sus artículos escaneados para que no coincidan</translation>
    </message>
    <message>
        <source>{count} trigger products, and even the closest, {detail},</source>
        <translation>{count} productos disparadores, e incluso el más cercano, {detail},</translation>
    </message>
    <message>
        <source>{added} added to an order of at most {base}</source>
        <translation>{added} añadidos a un pedido de como mucho {base}</translation>
    </message>
    <message>
        <source>{added} added to {sku} at {base} (a single item)</source>
        <translation>{added} añadidos a {sku} a {base} (un solo artículo)</translation>
    </message>
    <message>
        <source>{added} added to {sku} at {base}</source>
        <translation>{added} añadidos a {sku} a {base}</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>etiqueta</translation>
    </message>
    <message>
        <source>{source} → {target} (this rule)</source>
        <translation>{source} → {target} (esta regla)</translation>
    </message>
    <message>
        <source>when.scanned.sku names {skus}, not in the catalog: scanning can never match it</source>
        <translation>when.scanned.sku nombra {skus}, que no está en el catálogo: ningún escaneo puede coincidir con él</translation>
    </message>
    <message>
        <source>when.scanned.sku names {skus}, not in the catalog: scanning can never match it and nothing else in when.scanned matches an active product, so the rule can never fire</source>
        <translation>when.scanned.sku nombra {skus}, que no está en el catálogo: ningún escaneo puede coincidir con él y nada más en when.scanned coincide con un producto activo, así que la regla nunca puede aparecer</translation>
    </message>
    <message>
        <source>correct the SKU, import the product into the catalog, or remove it from when.scanned.sku</source>
        <translation>corrija el SKU, importe el producto al catálogo o quítelo de when.scanned.sku</translation>
    </message>
    <message>
        <source>when.scanned.sku names {skus}, which is not for sale (inactive) and is never scanned and nothing else in when.scanned matches an active product, so the rule can never fire</source>
        <translation>when.scanned.sku nombra {skus}, que no está a la venta (inactivo) y nunca se escanea, y nada más en when.scanned coincide con un producto activo, así que la regla nunca puede aparecer</translation>
    </message>
    <message>
        <source>when.order.has names sku:{skus}, not in the catalog: no order can have it, so the rule never fires</source>
        <translation>when.order.has nombra sku:{skus}, que no está en el catálogo: ningún pedido puede tenerlo, así que la regla nunca aparece</translation>
    </message>
    <message>
        <source>correct the SKU in when.order.has, import the product, or remove the condition</source>
        <translation>corrija el SKU en when.order.has, importe el producto o quite la condición</translation>
    </message>
    <message>
        <source>when.order.lacks names sku:{skus}, not in the catalog: the condition is always true and keeps nothing out</source>
        <translation>when.order.lacks nombra sku:{skus}, que no está en el catálogo: la condición siempre se cumple y no deja nada fuera</translation>
    </message>
    <message>
        <source>correct the SKU in when.order.lacks, or remove the condition</source>
        <translation>corrija el SKU en when.order.lacks, o quite la condición</translation>
    </message>
    <message>
        <source>when.order.has needs sku:{skus}, which is not for sale (inactive) and cannot be scanned, so the rule never fires</source>
        <translation>when.order.has necesita sku:{skus}, que no está a la venta (inactivo) y no se puede escanear, así que la regla nunca aparece</translation>
    </message>
    <message>
        <source>remove it from when.order.has, or make the product active again</source>
        <translation>quítelo de when.order.has, o vuelva a activar el producto</translation>
    </message>
    <message>
        <source>when.order.has needs {refs}, which no active product has, so the rule never fires</source>
        <translation>when.order.has necesita {refs}, que no tiene ningún producto activo, así que la regla nunca aparece</translation>
    </message>
    <message>
        <source>check the spelling in when.order.has, or give active products that category or tag</source>
        <translation>revise la ortografía en when.order.has, o asigne esa categoría o etiqueta a productos activos</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>{severity}: rule {rule}: {message} → {fix}</source>
        <translation>{severity}: regla {rule}: {message} → {fix}</translation>
    </message>
    <message>
        <source>rule {rule}</source>
        <translation>la regla {rule}</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} y {last}</translation>
    </message>
    <message>
        <source>offer.next_size: every product that triggers it is already the largest active size of its family, or has no size family, so it never fires</source>
        <translation>offer.next_size: todos los productos que la disparan ya son el tamaño activo más grande de su familia, o no tienen familia de tamaños, así que nunca aparece</translation>
    </message>
    <message>
        <source>trigger it on smaller sizes, or give the products a family and size_rank (and an active larger size) in the catalog</source>
        <translation>dispárela con tamaños más pequeños, o dé a los productos una familia y un size_rank (y un tamaño mayor activo) en el catálogo</translation>
    </message>
    <message>
        <source>offer.upgrade_to is {sku}, which also triggers the rule: scanning {sku} never offers it again; nothing else triggers it, so it never fires</source>
        <translation>offer.upgrade_to es {sku}, que también dispara la regla: escanear {sku} nunca lo vuelve a ofrecer; nada más la dispara, así que nunca aparece</translation>
    </message>
    <message>
        <source>trigger the rule on the products below {sku} only (list their SKUs instead of a category or tag that includes {sku})</source>
        <translation>dispare la regla solo con los productos por debajo de {sku} (indique sus SKU en lugar de una categoría o etiqueta que incluya {sku})</translation>
    </message>
    <message>
        <source>lower the store setting (pos-prompter settings max_offer_ratio=1.0) or give the rule its own max_offer_ratio of 2 or less</source>
        <translation>baje el ajuste de la tienda (pos-prompter settings max_offer_ratio=1.0) o dé a la regla su propio max_offer_ratio de 2 o menos</translation>
    </message>
    <message>
        <source>an upsell prompt</source>
        <translation>una sugerencia de tipo mejora</translation>
    </message>
    <message>
        <source>a cross_sell prompt</source>
        <translation>una sugerencia de tipo venta cruzada</translation>
    </message>
    <message>
        <source>a bundle prompt</source>
        <translation>una sugerencia de tipo paquete</translation>
    </message>
    <message>
        <source>a threshold prompt</source>
        <translation>una sugerencia de tipo umbral</translation>
    </message>
    <message>
        <source>a checkout upsell prompt</source>
        <translation>una sugerencia de tipo mejora al cobrar</translation>
    </message>
    <message>
        <source>a checkout cross_sell prompt</source>
        <translation>una sugerencia de tipo venta cruzada al cobrar</translation>
    </message>
    <message>
        <source>a checkout bundle prompt</source>
        <translation>una sugerencia de tipo paquete al cobrar</translation>
    </message>
    <message>
        <source>a checkout threshold prompt</source>
        <translation>una sugerencia de tipo umbral al cobrar</translation>
    </message>
    <message>
        <source>no date from {start} to {end} falls on one of when.time.days, so the rule never fires</source>
        <translation>ninguna fecha del {start} al {end} cae en uno de when.time.days, así que la regla nunca aparece</translation>
    </message>
    <message>
        <source>widen the from/to dates or change when.time.days</source>
        <translation>amplíe las fechas from/to o cambie when.time.days</translation>
    </message>
</context>
<context>
    <name>metavar</name>
    <message>
        <source>COMMAND</source>
        <translation>ORDEN</translation>
    </message>
    <message>
        <source>D</source>
        <translation>F</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ARCHIVO</translation>
    </message>
    <message>
        <source>FILE.csv</source>
        <translation>ARCHIVO.csv</translation>
    </message>
    <message>
        <source>FILE.pdf</source>
        <translation>ARCHIVO.pdf</translation>
    </message>
    <message>
        <source>FILE.yaml</source>
        <translation>ARCHIVO.yaml</translation>
    </message>
    <message>
        <source>KEY=VALUE</source>
        <translation>CLAVE=VALOR</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>RUTA</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>SCRIPT</source>
        <translation>GUION</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <source>WHAT</source>
        <translation>QUÉ</translation>
    </message>
    <message>
        <source>WHO</source>
        <translation>QUIÉN</translation>
    </message>
</context>
<context>
    <name>numbers</name>
    <message>
        <source>{whole}.{fraction}</source>
        <translation>{whole},{fraction}</translation>
    </message>
    <message>
        <source>{number}%</source>
        <translation>{number}%</translation>
    </message>
</context>
<context>
    <name>order</name>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Cant.</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Precio</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>upsized from {name}</source>
        <translation>mejorado desde {name}</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>sugerido</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>bundle: list {price}</source>
        <translation>paquete: precio normal {price}</translation>
    </message>
    <message>
        <source>reward</source>
        <translation>premio</translation>
    </message>
    <message>
        <source>declined: {titles}</source>
        <translation>rechazado: {titles}</translation>
    </message>
</context>
<context>
    <name>picker</name>
    <message>
        <source>{name} (no product for sale)</source>
        <translation>{name} (ningún producto a la venta)</translation>
    </message>
    <message>
        <source>{name} ({n} product)</source>
        <translation>{name} ({n} producto)</translation>
    </message>
    <message>
        <source>{name} ({n} products)</source>
        <translation>{name} ({n} productos)</translation>
    </message>
    <message>
        <source>not for sale</source>
        <translation>no está a la venta</translation>
    </message>
    <message>
        <source>{sku} is not in the catalog</source>
        <translation>{sku} no está en el catálogo</translation>
    </message>
    <message>
        <source>no product has category {name}</source>
        <translation>ningún producto tiene la categoría {name}</translation>
    </message>
    <message>
        <source>no product has tag {name}</source>
        <translation>ningún producto tiene la etiqueta {name}</translation>
    </message>
    <message>
        <source>Click to remove.</source>
        <translation>Haga clic para quitarlo.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Quitar {name}</translation>
    </message>
</context>
<context>
    <name>practice</name>
    <message>
        <source>{name}: {points} of {possible}</source>
        <translation>{name}: {points} de {possible}</translation>
    </message>
    <message>
        <source>and {n} more lines in the trainer&apos;s view</source>
        <translation>y {n} líneas más en la vista del formador</translation>
    </message>
    <message>
        <source>Scenarios could not be read ({problem}).</source>
        <translation>No se pudieron leer los escenarios ({problem}).</translation>
    </message>
    <message>
        <source>There is no scenario to start: a trainer imports them (pos-prompter practice import).</source>
        <translation>No hay ningún escenario que empezar: un formador los importa (pos-prompter practice import).</translation>
    </message>
    <message>
        <source>Could not start {id} ({problem}).</source>
        <translation>No se pudo empezar {id} ({problem}).</translation>
    </message>
    <message>
        <source>Could not make simulated customers ({problem}).</source>
        <translation>No se pudieron crear clientes simulados ({problem}).</translation>
    </message>
    <message>
        <source>A practice session is running: Stop it first.</source>
        <translation>Hay una sesión de práctica en curso: deténgala primero.</translation>
    </message>
    <message>
        <source>Pay or clear the open order before the first customer steps up.</source>
        <translation>Cobre o vacíe el pedido abierto antes de que llegue el primer cliente.</translation>
    </message>
    <message>
        <source>Sign in with your PIN first: the run is saved under your name.</source>
        <translation>Entre primero con su PIN: la práctica se guarda a su nombre.</translation>
    </message>
    <message>
        <source>Endless practice</source>
        <translation>Práctica sin fin</translation>
    </message>
    <message>
        <source>{n} customer</source>
        <translation>{n} cliente</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <source>Offer (F6 offer, F5 explain) is for practice with customers: pick a scenario and Start.</source>
        <translation>Ofrecer (F6 ofrecer, F5 explicar) es para practicar con clientes: elija un escenario y pulse Empezar.</translation>
    </message>
    <message>
        <source>Explain (F6 offer, F5 explain) is for practice with customers: pick a scenario and Start.</source>
        <translation>Explicar (F6 ofrecer, F5 explicar) es para practicar con clientes: elija un escenario y pulse Empezar.</translation>
    </message>
    <message>
        <source>{name} · customer {position} of {customers}</source>
        <translation>{name} · cliente {position} de {customers}</translation>
    </message>
    <message>
        <source>Hello!</source>
        <translation>¡Hola!</translation>
    </message>
    <message>
        <source>The run could not be saved ({problem}).</source>
        <translation>No se pudo guardar la práctica ({problem}).</translation>
    </message>
    <message>
        <source>{who} says: {words}</source>
        <translation>{who} dice: {words}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{name}: {points} of {possible} points</source>
        <translation>{name}: {points} de {possible} puntos</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Not passed yet</source>
        <translation>Aún no aprobado</translation>
    </message>
    <message>
        <source>{title}: {verdict} ({points} of {possible} points; {pass_score}% to pass)</source>
        <translation>{title}: {verdict} ({points} de {possible} puntos; se aprueba con {pass_score}%)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Trainer…</source>
        <translation>Formador…</translation>
    </message>
    <message>
        <source>Pick a scenario, or practise with endless simulated customers.</source>
        <translation>Elija un escenario, o practique con clientes simulados sin fin.</translation>
    </message>
</context>
<context>
    <name>practice customer</name>
    <message>
        <source>An {name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>A {name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>an {name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>a {name}</source>
        <translation>{name}</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} y {last}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>These {n} items, please.</source>
        <translation>Estos {n} artículos, por favor.</translation>
    </message>
    <message>
        <source>Just this, please.</source>
        <translation>Solo esto, por favor.</translation>
    </message>
    <message>
        <source>{items}, please.</source>
        <translation>{items}, por favor.</translation>
    </message>
</context>
<context>
    <name>practice_game</name>
    <message>
        <source>there is no prompt on screen to explain</source>
        <translation>no hay ninguna sugerencia en pantalla que explicar</translation>
    </message>
    <message>
        <source>the size-up to {name}</source>
        <translation>el cambio de tamaño a {name}</translation>
    </message>
    <message>
        <source>the {names} deal</source>
        <translation>la oferta de {names}</translation>
    </message>
    <message>
        <source>the {name} reward</source>
        <translation>el premio {name}</translation>
    </message>
    <message>
        <source>the {name}</source>
        <translation>«{name}»</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
    <message>
        <source>there is no prompt on screen to offer</source>
        <translation>no hay ninguna sugerencia en pantalla que ofrecer</translation>
    </message>
    <message>
        <source>{who} has not asked why: offer it first (F6)</source>
        <translation>{who} no ha preguntado por qué: ofrézcala primero (F6)</translation>
    </message>
    <message>
        <source>{who} did not ask why; record the answer (F9 or F10)</source>
        <translation>{who} no preguntó por qué; registre la respuesta (F9 o F10)</translation>
    </message>
    <message>
        <source>the practice session is over</source>
        <translation>la sesión de práctica ha terminado</translation>
    </message>
</context>
<context>
    <name>practice_store</name>
    <message>
        <source>{n} practice run kept</source>
        <translation>{n} práctica conservada</translation>
    </message>
    <message>
        <source>{n} practice runs kept</source>
        <translation>{n} prácticas conservadas</translation>
    </message>
    <message>
        <source>{n} imported scenario kept</source>
        <translation>{n} escenario importado conservado</translation>
    </message>
    <message>
        <source>{n} imported scenarios kept</source>
        <translation>{n} escenarios importados conservados</translation>
    </message>
    <message>
        <source> (catalog and rules unchanged since the last refresh)</source>
        <translation> (catálogo y reglas sin cambios desde la última actualización)</translation>
    </message>
    <message>
        <source>practice store created: {products}, {rules}, {staff} staff{same}; {kept}</source>
        <translation>tienda de práctica creada: {products}, {rules}, {staff} personas del personal{same}; {kept}</translation>
    </message>
    <message>
        <source>practice store refreshed: {products}, {rules}, {staff} staff{same}; {kept}</source>
        <translation>tienda de práctica actualizada: {products}, {rules}, {staff} personas del personal{same}; {kept}</translation>
    </message>
    <message>
        <source>{n} product</source>
        <translation>{n} producto</translation>
    </message>
    <message>
        <source>{n} products</source>
        <translation>{n} productos</translation>
    </message>
    <message>
        <source>{n} rule</source>
        <translation>{n} regla</translation>
    </message>
    <message>
        <source>{n} rules</source>
        <translation>{n} reglas</translation>
    </message>
    <message>
        <source>{path} is a practice store; give the real store ({real}) with --db</source>
        <translation>{path} es una tienda de práctica; dé la tienda real ({real}) con --db</translation>
    </message>
    <message>
        <source>there is no store at {path} to practise on (create one with &apos;pos-prompter init --db {path}&apos;)</source>
        <translation>no hay ninguna tienda en {path} con la que practicar (cree una con &apos;pos-prompter init --db {path}&apos;)</translation>
    </message>
    <message>
        <source>an in-memory store has no real store to be refreshed from</source>
        <translation>una tienda en memoria no tiene tienda real de la que actualizarse</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>Complete the rule in the form to see the prompt.</source>
        <translation>Complete la regla en el formulario para ver la sugerencia.</translation>
    </message>
    <message>
        <source>Scan or pick items for a sample order to see the prompt.</source>
        <translation>Escanee o elija artículos para un pedido de ejemplo y ver la sugerencia.</translation>
    </message>
    <message>
        <source>nothing in the sample order matches its scanned items (when.scanned): add an item it is for</source>
        <translation>nada del pedido de ejemplo coincide con sus artículos escaneados (when.scanned): añada un artículo para el que sea</translation>
    </message>
    <message>
        <source>(no customer type)</source>
        <translation>(sin tipo de cliente)</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a SKU or name</source>
        <translation>Escanee un código de barras, o escriba un SKU o un nombre</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Sample order</source>
        <translation>Pedido de ejemplo</translation>
    </message>
    <message>
        <source>Scan or pick items as a clerk would. The card is the till&apos;s own (its buttons do nothing here).</source>
        <translation>Escanee o elija artículos como lo haría un cajero. La tarjeta es la de la caja (aquí sus botones no hacen nada).</translation>
    </message>
    <message>
        <source>What the till shows</source>
        <translation>Lo que muestra la caja</translation>
    </message>
    <message>
        <source>A sample from the rule&apos;s trigger: scan or pick items to make your own.</source>
        <translation>Un ejemplo a partir del disparador de la regla: escanee o elija artículos para hacer el suyo.</translation>
    </message>
    <message>
        <source>No product has the barcode or SKU {code}.</source>
        <translation>Ningún producto tiene el código de barras o SKU {code}.</translation>
    </message>
    <message>
        <source>{name} is not for sale: the till refuses it.</source>
        <translation>{name} no está a la venta: la caja lo rechaza.</translation>
    </message>
    <message>
        <source>Would not fire: {reason}.</source>
        <translation>No aparecería: {reason}.</translation>
    </message>
    <message>
        <source>Not active yet: the till shows it only once it is switched on (shown here as if it were).</source>
        <translation>Aún no está activa: la caja solo la muestra cuando se active (aquí se muestra como si lo estuviera).</translation>
    </message>
    <message>
        <source>{share} of orders are held out as a control group and see nothing; this is what the others see.</source>
        <translation>El {share} de los pedidos se aparta como grupo de control y no ve nada; esto es lo que ven los demás.</translation>
    </message>
    <message>
        <source>The sample order also raised: {titles}.</source>
        <translation>El pedido de ejemplo también provocó: {titles}.</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>is required (a short code such as {example}, kept in the reports)</source>
        <translation>es obligatorio (un código corto como {example}, que se guarda en los informes)</translation>
    </message>
    <message>
        <source>{value} cannot be a rule code: use lower-case letters, digits and dashes (at most 64), such as {example}</source>
        <translation>{value} no puede ser un código de regla: use minúsculas, cifras y guiones (64 como mucho), como {example}</translation>
    </message>
    <message>
        <source>needs at least one product to go with the scanned item</source>
        <translation>necesita al menos un producto que acompañe al artículo escaneado</translation>
    </message>
    <message>
        <source>needs at least one product to offer</source>
        <translation>necesita al menos un producto que ofrecer</translation>
    </message>
    <message>
        <source>{value} is not a product, category or tag: pick one from the list</source>
        <translation>{value} no es un producto, una categoría ni una etiqueta: elija uno de la lista</translation>
    </message>
    <message>
        <source>pick at least one product, category or tag that sets the rule off</source>
        <translation>elija al menos un producto, una categoría o una etiqueta que dispare la regla</translation>
    </message>
    <message>
        <source>at checkout nothing is being scanned: clear the scanned products, categories and tags, and use “Order has all of” to look at the order</source>
        <translation>al cobrar no se escanea nada: vacíe los productos, categorías y etiquetas escaneados, y use «El pedido tiene todos» para mirar el pedido</translation>
    </message>
    <message>
        <source>an upsell swaps the item just scanned for a better one, so it runs when an item is scanned, not at checkout</source>
        <translation>una mejora cambia el artículo recién escaneado por uno mejor, así que funciona al escanear un artículo, no al cobrar</translation>
    </message>
    <message>
        <source>choose the product to upgrade to, or the next size up</source>
        <translation>elija el producto al que mejorar, o el siguiente tamaño</translation>
    </message>
    <message>
        <source>{value} is not a product code</source>
        <translation>{value} no es un código de producto</translation>
    </message>
    <message>
        <source>names the same product twice</source>
        <translation>nombra dos veces el mismo producto</translation>
    </message>
    <message>
        <source>is required (a short name for the rule)</source>
        <translation>es obligatorio (un nombre corto para la regla)</translation>
    </message>
    <message>
        <source>is required (what the clerk reads to the customer)</source>
        <translation>es obligatorio (lo que el cajero lee al cliente)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>regla</translation>
    </message>
    <message>
        <source>rule pack</source>
        <translation>paquete de reglas</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>needs at least one sku</source>
        <translation>necesita al menos un sku</translation>
    </message>
    <message>
        <source>must be a mapping of fields</source>
        <translation>debe ser un mapa de campos</translation>
    </message>
    <message>
        <source>{value} must be a slug of a-z, 0-9 and -, at most 64 long</source>
        <translation>{value} debe ser un código de a-z, 0-9 y -, de 64 caracteres como mucho</translation>
    </message>
    <message>
        <source>{kind} rules are not supported yet by this version</source>
        <translation>esta versión aún no admite reglas {kind}</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>{value} must be a share from 0 up to (not incl.) 1, with at most {places} decimals</source>
        <translation>{value} debe ser una proporción desde 0 hasta 1 (sin incluirlo), con {places} decimales como mucho</translation>
    </message>
    <message>
        <source>{value} must be true or false</source>
        <translation>{value} debe ser true o false</translation>
    </message>
    <message>
        <source>{value} must be scan or checkout</source>
        <translation>{value} debe ser scan o checkout</translation>
    </message>
    <message>
        <source>names no sku, category or tag</source>
        <translation>no nombra ningún sku, categoría ni etiqueta</translation>
    </message>
    <message>
        <source>a checkout rule has no scanned line; use when.order.has to look at the order</source>
        <translation>una regla de cobro no tiene línea escaneada; use when.order.has para mirar el pedido</translation>
    </message>
    <message>
        <source>an upsell replaces a scanned line, so it needs event: scan</source>
        <translation>una mejora sustituye una línea escaneada, así que necesita event: scan</translation>
    </message>
    <message>
        <source>total_min is above total_max: it can never hold</source>
        <translation>el total mínimo (total_min) es mayor que el máximo (total_max): nunca se puede cumplir</translation>
    </message>
    <message>
        <source>from is after to: the rule can never fire</source>
        <translation>la primera fecha (from) es posterior a la última (to): la regla nunca puede aparecer</translation>
    </message>
    <message>
        <source>does not fit a {kind} rule (a {kind} takes {fitting})</source>
        <translation>no encaja en una regla {kind} (una regla {kind} lleva {fitting})</translation>
    </message>
    <message>
        <source>an upsell takes exactly one of upgrade_to: SKU or next_size: true</source>
        <translation>una mejora lleva exactamente uno de upgrade_to: SKU o next_size: true</translation>
    </message>
    <message>
        <source>names a sku twice</source>
        <translation>nombra dos veces un sku</translation>
    </message>
    <message>
        <source>must be above 0</source>
        <translation>debe ser mayor que 0</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} o {second}</translation>
    </message>
    <message>
        <source>the pack must be a mapping with version and rules</source>
        <translation>el paquete debe ser un mapa de campos con version y rules</translation>
    </message>
    <message>
        <source>unknown top-level field (known: version, settings, rules)</source>
        <translation>campo de primer nivel desconocido (conocidos: version, settings, rules)</translation>
    </message>
    <message>
        <source>{value} is not a supported format version (this app reads version {version}, written as the whole number {version})</source>
        <translation>{value} no es una versión de formato admitida (esta aplicación lee la versión {version}, escrita como el número entero {version})</translation>
    </message>
    <message>
        <source>must be a list of rules</source>
        <translation>debe ser una lista de reglas</translation>
    </message>
    <message>
        <source>is used twice (rules #{first} and #{again})</source>
        <translation>se usa dos veces (reglas #{first} y #{again})</translation>
    </message>
    <message>
        <source>{value} must be a whole number from {low} to {high}</source>
        <translation>{value} debe ser un número entero de {low} a {high}</translation>
    </message>
    <message>
        <source>{value} must be a share from 0 up to (not including) 1, with at most {places} decimals</source>
        <translation>{value} debe ser una proporción desde 0 hasta 1 (sin incluirlo), con {places} decimales como mucho</translation>
    </message>
    <message>
        <source>{value} must be a number above 0 and at most {most}, with at most {places} decimals</source>
        <translation>{value} debe ser un número mayor que 0 y como mucho {most}, con {places} decimales como mucho</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} no es un número</translation>
    </message>
    <message>
        <source>{value} is not a date like {example}</source>
        <translation>{value} no es una fecha como {example}</translation>
    </message>
    <message>
        <source>{value} is not like &quot;06:00-11:00&quot;</source>
        <translation>{value} no tiene la forma &quot;06:00-11:00&quot;</translation>
    </message>
    <message>
        <source>pack</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>ajustes</translation>
    </message>
    <message>
        <source>{value} is not a valid sku</source>
        <translation>{value} no es un sku válido</translation>
    </message>
    <message>
        <source>{value} is not a valid category</source>
        <translation>{value} no es una categoría válida</translation>
    </message>
    <message>
        <source>{value} is not a valid tag</source>
        <translation>{value} no es una etiqueta válida</translation>
    </message>
    <message>
        <source>{value} is not a valid customer type</source>
        <translation>{value} no es un tipo de cliente válido</translation>
    </message>
    <message>
        <source>{value} is not a valid value</source>
        <translation>{value} no es un valor válido</translation>
    </message>
    <message>
        <source>rule #{position}</source>
        <translation>regla #{position}</translation>
    </message>
    <message>
        <source>rule {rule}</source>
        <translation>regla {rule}</translation>
    </message>
    <message>
        <source>{where}, field {field}: {message}</source>
        <translation>{where}, campo {field}: {message}</translation>
    </message>
    <message>
        <source>stopped after {n} problems: fix these and check again</source>
        <translation>se detuvo tras {n} problemas: corríjalos y vuelva a comprobar</translation>
    </message>
    <message>
        <source>must be a mapping, not {type}</source>
        <translation>debe ser un mapa de campos, no {type}</translation>
    </message>
    <message>
        <source>unknown field (known: {known})</source>
        <translation>campo desconocido (conocidos: {known})</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>debe ser una lista de textos</translation>
    </message>
    <message>
        <source>must be a number such as 1.5</source>
        <translation>debe ser un número como 1.5</translation>
    </message>
    <message>
        <source>{value} is not a valid time range</source>
        <translation>{value} no es un intervalo de horas válido</translation>
    </message>
    <message>
        <source>{value} is an empty time window</source>
        <translation>{value} es un horario vacío</translation>
    </message>
    <message>
        <source>{value} must be sku:X, category:Y or tag:Z</source>
        <translation>{value} debe ser sku:X, category:Y o tag:Z</translation>
    </message>
    <message>
        <source>{value} is not an amount with at most 2 decimals, like &quot;3.45&quot;</source>
        <translation>{value} no es un importe con 2 decimales como mucho, como &quot;3.45&quot;</translation>
    </message>
    <message>
        <source>{value} is not an amount of money</source>
        <translation>{value} no es un importe de dinero</translation>
    </message>
    <message>
        <source>write amounts as quoted decimal strings such as &quot;3.45&quot;, not {value}</source>
        <translation>escriba los importes como texto decimal entre comillas, como &quot;3.45&quot;, no {value}</translation>
    </message>
    <message>
        <source>{value} is negative</source>
        <translation>{value} es negativo</translation>
    </message>
    <message>
        <source>{value} has more than 2 decimals</source>
        <translation>{value} tiene más de 2 decimales</translation>
    </message>
    <message>
        <source>{value} is more than the largest amount, {most}</source>
        <translation>{value} supera el importe máximo, {most}</translation>
    </message>
    <message>
        <source>{value} must be a 3-letter code such as USD</source>
        <translation>{value} debe ser un código de 3 letras como USD</translation>
    </message>
    <message>
        <source>{value} must be one of {choices}</source>
        <translation>{value} debe ser uno de estos: {choices}</translation>
    </message>
    <message>
        <source>is not a valid template ({reason}); write a literal brace as {open} or {close}</source>
        <translation>no es una plantilla válida ({reason}); escriba una llave literal como {open} o {close}</translation>
    </message>
    <message>
        <source>placeholder {name} is not allowed (allowed: {known})</source>
        <translation>el marcador {name} no está permitido (permitidos: {known})</translation>
    </message>
    <message>
        <source>placeholder {name} may not have a format or conversion</source>
        <translation>el marcador {name} no puede llevar formato ni conversión</translation>
    </message>
    <message>
        <source>is outside the till&apos;s calendar ({first} to {last})</source>
        <translation>está fuera del calendario de la caja ({first} a {last})</translation>
    </message>
    <message>
        <source>lists and mappings are nested more than {most} deep</source>
        <translation>las listas y los mapas están anidados a más de {most} niveles</translation>
    </message>
    <message>
        <source>its aliases (*name) expand to more than {most} values; write the values out, or repeat less</source>
        <translation>sus alias (*nombre) se expanden a más de {most} valores; escriba los valores, o repita menos</translation>
    </message>
    <message>
        <source>a number of {length} characters is too long (at most {most})</source>
        <translation>un número de {length} caracteres es demasiado largo ({most} como mucho)</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>ajuste</translation>
    </message>
    <message>
        <source>setting {key} is unknown (known: {known})</source>
        <translation>el ajuste {key} no existe (existentes: {known})</translation>
    </message>
    <message>
        <source>must be on or off</source>
        <translation>debe ser on u off</translation>
    </message>
    <message>
        <source>{value} must be a whole number &gt;= 1</source>
        <translation>{value} debe ser un número entero &gt;= 1</translation>
    </message>
    <message>
        <source>may not be empty</source>
        <translation>no puede estar vacío</translation>
    </message>
    <message>
        <source>{value} must be at most {most} printable characters</source>
        <translation>{value} debe tener como mucho {most} caracteres imprimibles</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>catálogo</translation>
    </message>
    <message>
        <source>past orders</source>
        <translation>pedidos pasados</translation>
    </message>
    <message>
        <source>scan script</source>
        <translation>guion de escaneo</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>escenario</translation>
    </message>
    <message>
        <source>{what} {path} does not exist</source>
        <translation>{what} {path}: no existe</translation>
    </message>
    <message>
        <source>{what} {path} is a folder, not a file</source>
        <translation>{what} {path}: es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>{what} {path} is not UTF-8 text</source>
        <translation>{what} {path}: no es texto UTF-8</translation>
    </message>
    <message>
        <source>{what} {path} cannot be read ({reason})</source>
        <translation>{what} {path}: no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>is given twice; give each field once, with the value you mean</source>
        <translation>se da dos veces; dé cada campo una sola vez, con el valor que quiere dar</translation>
    </message>
    <message>
        <source>is given twice (twice on line {line}); give each field once, with the value you mean</source>
        <translation>se da dos veces (dos veces en la línea {line}); dé cada campo una sola vez, con el valor que quiere dar</translation>
    </message>
    <message>
        <source>is given twice (lines {first} and {second}); give each field once, with the value you mean</source>
        <translation>se da dos veces (líneas {first} y {second}); dé cada campo una sola vez, con el valor que quiere dar</translation>
    </message>
    <message>
        <source>{source} is refused at line {line}, column {column}: {problem}</source>
        <translation>{source} se rechaza en la línea {line}, columna {column}: {problem}</translation>
    </message>
    <message>
        <source>{source} is refused: {problem}</source>
        <translation>{source} se rechaza: {problem}</translation>
    </message>
    <message>
        <source>{source} is not valid YAML/JSON at line {line}, column {column}: {problem}</source>
        <translation>{source} no es YAML/JSON válido en la línea {line}, columna {column}: {problem}</translation>
    </message>
    <message>
        <source>{source} is not valid YAML/JSON: {problem}</source>
        <translation>{source} no es YAML/JSON válido: {problem}</translation>
    </message>
    <message>
        <source>&lt;a {n}-digit number&gt;</source>
        <translation>&lt;un número de {n} cifras&gt;</translation>
    </message>
    <message>
        <source>{n} digits</source>
        <translation>{n} cifras</translation>
    </message>
    <message>
        <source>a mapping of {n} field</source>
        <translation>un mapa de {n} campo</translation>
    </message>
    <message>
        <source>a mapping of {n} fields</source>
        <translation>un mapa de {n} campos</translation>
    </message>
    <message>
        <source>a list of {n} item</source>
        <translation>una lista de {n} elemento</translation>
    </message>
    <message>
        <source>a list of {n} items</source>
        <translation>una lista de {n} elementos</translation>
    </message>
    <message>
        <source>{n} characters</source>
        <translation>{n} caracteres</translation>
    </message>
</context>
<context>
    <name>prompt_panel</name>
    <message>
        <source>Upsell</source>
        <translation>Mejora</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>Venta cruzada</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Premio</translation>
    </message>
    <message>
        <source>WHY</source>
        <translation>POR QUÉ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ofrecer</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>Suggestion: {say}</source>
        <translation>Sugerencia: {say}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 días</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>this is a practice store, and practice runs never count in the results: open the workspace on the real store</source>
        <translation>esta es una tienda de práctica, y las prácticas nunca cuentan en los resultados: abra el espacio de trabajo sobre la tienda real</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Paid orders</source>
        <translation>Pedidos pagados</translation>
    </message>
    <message>
        <source>Average order</source>
        <translation>Pedido medio</translation>
    </message>
    <message>
        <source>Attach rate</source>
        <translation>Tasa de adjunción</translation>
    </message>
    <message>
        <source>Offers accepted</source>
        <translation>Ofertas aceptadas</translation>
    </message>
    <message>
        <source>Revenue added</source>
        <translation>Ingresos añadidos</translation>
    </message>
    <message>
        <source>Margin added</source>
        <translation>Margen añadido</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>Por regla</translation>
    </message>
    <message>
        <source>By clerk</source>
        <translation>Por cajero</translation>
    </message>
    <message>
        <source>By hour</source>
        <translation>Por hora</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Por día</translation>
    </message>
    <message>
        <source>True uplift</source>
        <translation>Aumento real</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <source>the range starts on {start}, after it ends ({end})</source>
        <translation>el intervalo empieza el {start}, después de terminar ({end})</translation>
    </message>
    <message>
        <source>This store has no file to read the results from.</source>
        <translation>Esta tienda no tiene archivo del que leer los resultados.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Could not read the results: {problem}</source>
        <translation>No se pudieron leer los resultados: {problem}</translation>
    </message>
    <message>
        <source>Clerks with at least {n} paid orders in the range, by offers made, then accepted.</source>
        <translation>Cajeros con al menos {n} pedidos pagados en el intervalo, por ofertas hechas y luego aceptadas.</translation>
    </message>
    <message>
        <source>{n} paid order in all history.</source>
        <translation>{n} pedido pagado en todo el historial.</translation>
    </message>
    <message>
        <source>{n} paid orders in all history.</source>
        <translation>{n} pedidos pagados en todo el historial.</translation>
    </message>
    <message>
        <source>{n} paid order in the range.</source>
        <translation>{n} pedido pagado en el intervalo.</translation>
    </message>
    <message>
        <source>{n} paid orders in the range.</source>
        <translation>{n} pedidos pagados en el intervalo.</translation>
    </message>
    <message>
        <source>{accepted} of {shown} ({rate})</source>
        <translation>{accepted} de {shown} ({rate})</translation>
    </message>
    <message>
        <source>On {known} of {accepted} accepted offers (the others&apos; costs are not known).</source>
        <translation>Sobre {known} de {accepted} ofertas aceptadas (los costes de las demás no se conocen).</translation>
    </message>
    <message>
        <source>No offers in this range.</source>
        <translation>Ninguna oferta en este intervalo.</translation>
    </message>
    <message>
        <source>Acceptance by rule</source>
        <translation>Aceptación por regla</translation>
    </message>
    <message>
        <source>Revenue added by day ({currency})</source>
        <translation>Ingresos añadidos por día ({currency})</translation>
    </message>
    <message>
        <source>Revenue added by week ({currency})</source>
        <translation>Ingresos añadidos por semana ({currency})</translation>
    </message>
    <message>
        <source>Revenue added by month ({currency})</source>
        <translation>Ingresos añadidos por mes ({currency})</translation>
    </message>
    <message>
        <source>Offers by hour of day</source>
        <translation>Ofertas por hora del día</translation>
    </message>
    <message>
        <source>No results to export yet.</source>
        <translation>Aún no hay resultados que exportar.</translation>
    </message>
    <message>
        <source>Export the results</source>
        <translation>Exportar los resultados</translation>
    </message>
    <message>
        <source>Exported the results to {path}.</source>
        <translation>Resultados exportados a {path}.</translation>
    </message>
    <message>
        <source>upsell</source>
        <translation>mejora</translation>
    </message>
    <message>
        <source>cross-sell</source>
        <translation>venta cruzada</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>umbral</translation>
    </message>
    <message>
        <source>({known} of {accepted})</source>
        <translation>({known} de {accepted})</translation>
    </message>
    <message>
        <source>Not known: no accepted offer here has costs for every product it added (an upsell&apos;s margin is never known).</source>
        <translation>Desconocido: ninguna oferta aceptada aquí tiene costes para todos los productos que añadió (el margen de una mejora nunca se conoce).</translation>
    </message>
    <message>
        <source>Revenue minus cost of the {known} accepted offers whose products all have a cost, of {accepted} accepted.</source>
        <translation>Ingresos menos coste de las {known} ofertas aceptadas cuyos productos tienen todos coste, de {accepted} aceptadas.</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Mostradas</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aceptadas</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoradas</translation>
    </message>
    <message>
        <source>Acceptance</source>
        <translation>Aceptación</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Avg order</source>
        <translation>Pedido medio</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Held out</source>
        <translation>De control</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Cajero</translation>
    </message>
    <message>
        <source>(nobody signed in)</source>
        <translation>(nadie había entrado)</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} pedidos</translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation>{n} pedido</translation>
    </message>
    <message>
        <source>not enough data yet: {n} more order</source>
        <translation>aún no hay datos suficientes: falta {n} pedido</translation>
    </message>
    <message>
        <source>not enough data yet: {n} more orders</source>
        <translation>aún no hay datos suficientes: faltan {n} pedidos</translation>
    </message>
    <message>
        <source>{amount} ({low} to {high})</source>
        <translation>{amount} ({low} a {high})</translation>
    </message>
    <message>
        <source>Shown in</source>
        <translation>Mostrada en</translation>
    </message>
    <message>
        <source>Held out of</source>
        <translation>Apartada de</translation>
    </message>
    <message>
        <source>Per order, shown</source>
        <translation>Por pedido, mostrada</translation>
    </message>
    <message>
        <source>Per order, held out</source>
        <translation>Por pedido, de control</translation>
    </message>
    <message>
        <source>Uplift per order (95%)</source>
        <translation>Aumento por pedido (95%)</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Qué significa</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Offers made</source>
        <translation>Ofertas hechas</translation>
    </message>
    <message>
        <source>Offers per order</source>
        <translation>Ofertas por pedido</translation>
    </message>
</context>
<context>
    <name>results</name>
    <message>
        <source>{option} {text} is not a date like 2026-11-23</source>
        <translation>{option} {text} no es una fecha como 2026-11-23</translation>
    </message>
    <message>
        <source>--from {start} is after --to {end}</source>
        <translation>--from {start} es posterior a --to {end}</translation>
    </message>
</context>
<context>
    <name>rules</name>
    <message>
        <source>Could not read the rules again: {problem}</source>
        <translation>No se pudieron volver a leer las reglas: {problem}</translation>
    </message>
    <message>
        <source>Rule {rule} stays inactive: {problem} ({fix})</source>
        <translation>La regla {rule} sigue inactiva: {problem} ({fix})</translation>
    </message>
    <message>
        <source>Could not save rule {rule}: {problem}</source>
        <translation>No se pudo guardar la regla {rule}: {problem}</translation>
    </message>
    <message>
        <source>Rule {rule} is now active: the tills use the change from now on.</source>
        <translation>La regla {rule} está ahora activa: las cajas usan el cambio desde ahora.</translation>
    </message>
    <message>
        <source>Rule {rule} is now inactive: the tills use the change from now on.</source>
        <translation>La regla {rule} está ahora inactiva: las cajas usan el cambio desde ahora.</translation>
    </message>
    <message>
        <source>Could not duplicate rule {rule}: {problem}</source>
        <translation>No se pudo duplicar la regla {rule}: {problem}</translation>
    </message>
    <message>
        <source>Rule {rule} copied as {copy} (inactive until you switch it on).</source>
        <translation>Regla {rule} copiada como {copy} (inactiva hasta que la active).</translation>
    </message>
    <message>
        <source>Could not delete rule {rule}: {problem}</source>
        <translation>No se pudo borrar la regla {rule}: {problem}</translation>
    </message>
    <message>
        <source>Rule {rule} deleted.</source>
        <translation>Regla {rule} borrada.</translation>
    </message>
    <message>
        <source>{n} more</source>
        <translation>{n} más</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prior.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Vistas</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ingresos</translation>
    </message>
    <message>
        <source>Uplift</source>
        <translation>Aumento</translation>
    </message>
    <message>
        <source>Acceptance rate: accepted of shown</source>
        <translation>Tasa de aceptación: aceptadas de las mostradas</translation>
    </message>
    <message>
        <source>Revenue added: what accepted prompts added to orders</source>
        <translation>Ingresos añadidos: lo que las sugerencias aceptadas añadieron a los pedidos</translation>
    </message>
    <message>
        <source>upsell</source>
        <translation>mejora</translation>
    </message>
    <message>
        <source>cross-sell</source>
        <translation>venta cruzada</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>umbral</translation>
    </message>
    <message>
        <source>Rule code: {code}</source>
        <translation>Código de la regla: {code}</translation>
    </message>
    <message>
        <source>Uplift: {uplift}</source>
        <translation>Aumento: {uplift}</translation>
    </message>
    <message>
        <source>Codes: {codes}</source>
        <translation>Códigos: {codes}</translation>
    </message>
    <message>
        <source>shown {shown}, accepted {accepted}, declined {declined}, ignored {ignored}; held out {held_out}; revenue added {revenue}</source>
        <translation>mostrada {shown}, aceptada {accepted}, rechazada {declined}, ignorada {ignored}; de control {held_out}; ingresos añadidos {revenue}</translation>
    </message>
    <message>
        <source>Search titles, products, what to say, codes</source>
        <translation>Buscar títulos, productos, qué decir, códigos</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Active and inactive</source>
        <translation>Activas e inactivas</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactivas</translation>
    </message>
    <message>
        <source>Product SKU</source>
        <translation>SKU del producto</translation>
    </message>
    <message>
        <source>Show codes</source>
        <translation>Mostrar códigos</translation>
    </message>
    <message>
        <source>Rule codes and product SKUs instead of titles and names</source>
        <translation>Códigos de regla y SKU de producto en lugar de títulos y nombres</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>Nueva regla</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Borrar…</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>{n} rule</source>
        <translation>{n} regla</translation>
    </message>
    <message>
        <source>{n} rules</source>
        <translation>{n} reglas</translation>
    </message>
    <message>
        <source>{shown} of {n} rule</source>
        <translation>{shown} de {n} regla</translation>
    </message>
    <message>
        <source>{shown} of {n} rules</source>
        <translation>{shown} de {n} reglas</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Borrar la regla</translation>
    </message>
    <message>
        <source>Delete rule {rule} ({title})?

The tills stop using it now. Its past results stay in the reports, and the audit log keeps its last version.</source>
        <translation>¿Borrar la regla {rule} ({title})?

Las cajas dejan de usarla ahora. Sus resultados pasados siguen en los informes, y el registro de auditoría conserva su última versión.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Rule {rule} was not deleted.</source>
        <translation>La regla {rule} no se borró.</translation>
    </message>
    <message>
        <source>any item</source>
        <translation>cualquier artículo</translation>
    </message>
    <message>
        <source>next size</source>
        <translation>siguiente tamaño</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>{products} for {price}</source>
        <translation>{products} por {price}</translation>
    </message>
    <message>
        <source>{reward} at {price} from {total}</source>
        <translation>{reward} a {price} desde {total}</translation>
    </message>
    <message>
        <source>True uplift per order: how much more an order the rule applies to brings in than one it was held out of (its point estimate; the 95% interval in each cell&apos;s tooltip). Only rules with a holdout have one.</source>
        <translation>Aumento real por pedido: cuánto más aporta un pedido al que se aplica la regla que uno del que se apartó (su estimación puntual; el intervalo del 95% en la ayuda de cada celda). Solo lo tienen las reglas con grupo de control.</translation>
    </message>
    <message>
        <source>No holdout: the rule is offered every time it applies, so there are no held-out orders to compare with.</source>
        <translation>Sin grupo de control: la regla se ofrece cada vez que se aplica, así que no hay pedidos de control con los que comparar.</translation>
    </message>
    <message>
        <source>needs {n} more</source>
        <translation>faltan {n}</translation>
    </message>
    <message>
        <source>{amount} / order</source>
        <translation>{amount} / pedido</translation>
    </message>
    <message>
        <source>95% interval, from {treated} orders with the prompt shown and {held_out} held out (at least {least} in each).</source>
        <translation>Intervalo del 95%, de {treated} pedidos con la sugerencia mostrada y {held_out} de control (al menos {least} en cada grupo).</translation>
    </message>
    <message>
        <source>any {tag}</source>
        <translation>cualquier {tag}</translation>
    </message>
    <message>
        <source>at checkout</source>
        <translation>al cobrar</translation>
    </message>
    <message>
        <source>the next size up</source>
        <translation>el siguiente tamaño</translation>
    </message>
    <message>
        <source>{reward} free</source>
        <translation>{reward} gratis</translation>
    </message>
    <message>
        <source>{reward} at {price}</source>
        <translation>{reward} a {price}</translation>
    </message>
    <message>
        <source>{reward} from {total}</source>
        <translation>{reward} desde {total}</translation>
    </message>
</context>
<context>
    <name>scenario</name>
    <message>
        <source>{where}, field {field}: {message}</source>
        <translation>{where}, campo {field}: {message}</translation>
    </message>
    <message>
        <source>customer {position} ({name})</source>
        <translation>cliente {position} ({name})</translation>
    </message>
    <message>
        <source>customer {position}</source>
        <translation>cliente {position}</translation>
    </message>
    <message>
        <source>must be text, not {type}</source>
        <translation>debe ser texto, no {type}</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {most}</source>
        <translation>tiene {length} caracteres; {most} como mucho</translation>
    </message>
    <message>
        <source>cannot contain control characters or line breaks</source>
        <translation>no puede contener caracteres de control ni saltos de línea</translation>
    </message>
    <message>
        <source>{value} must be a local date and time such as {example}</source>
        <translation>{value} debe ser una fecha y hora locales como {example}</translation>
    </message>
    <message>
        <source>{value} is the till&apos;s local time: leave out the time zone</source>
        <translation>{value} es la hora local de la caja: quite la zona horaria</translation>
    </message>
    <message>
        <source>{when} is outside the till&apos;s calendar ({first} to {last})</source>
        <translation>{when} está fuera del calendario de la caja ({first} a {last})</translation>
    </message>
    <message>
        <source>must be a mapping of fields (name, items, ...)</source>
        <translation>debe ser un mapa de campos (name, items, ...)</translation>
    </message>
    <message>
        <source>{value} must be a customer type such as member (letters, digits, - and _)</source>
        <translation>{value} debe ser un tipo de cliente como member (letras, cifras, - y _)</translation>
    </message>
    <message>
        <source>must list at least one SKU or barcode to ring up</source>
        <translation>debe indicar al menos un SKU o código de barras que cobrar</translation>
    </message>
    <message>
        <source>lists {n} items; at most {most}</source>
        <translation>indica {n} artículos; {most} como mucho</translation>
    </message>
    <message>
        <source>{value} must be a SKU or a barcode</source>
        <translation>{value} debe ser un SKU o un código de barras</translation>
    </message>
    <message>
        <source>must map rule ids to answers (coffee-size-up: accept)</source>
        <translation>debe asociar ids de regla a respuestas (coffee-size-up: accept)</translation>
    </message>
    <message>
        <source>{value} is not a rule id</source>
        <translation>{value} no es un id de regla</translation>
    </message>
    <message>
        <source>the file must be a mapping with version, id, title, level, time and customers</source>
        <translation>el archivo debe ser un mapa de campos con version, id, title, level, time y customers</translation>
    </message>
    <message>
        <source>{value} is not supported: this version reads version 1</source>
        <translation>{value} no se admite: esta versión lee la versión 1</translation>
    </message>
    <message>
        <source>scenario {id}</source>
        <translation>escenario {id}</translation>
    </message>
    <message>
        <source>is required: 1 easy, 2 medium, 3 hard</source>
        <translation>es obligatorio: 1 fácil, 2 medio, 3 difícil</translation>
    </message>
    <message>
        <source>is required: the till&apos;s clock when the first customer steps up, such as {example}</source>
        <translation>es obligatorio: la hora de la caja cuando llega el primer cliente, como {example}</translation>
    </message>
    <message>
        <source>must list at least one customer</source>
        <translation>debe indicar al menos un cliente</translation>
    </message>
    <message>
        <source>lists {n}; at most {most}</source>
        <translation>indica {n}; {most} como mucho</translation>
    </message>
    <message>
        <source>time is missing</source>
        <translation>falta time</translation>
    </message>
    <message>
        <source>{value} is no product of this store (neither a barcode nor a SKU)</source>
        <translation>{value} no es ningún producto de esta tienda (ni un código de barras ni un SKU)</translation>
    </message>
    <message>
        <source>{sku} is not for sale</source>
        <translation>{sku} no está a la venta</translation>
    </message>
    <message>
        <source>this store has no rule by that id</source>
        <translation>esta tienda no tiene ninguna regla con ese id</translation>
    </message>
    <message>
        <source>the number of customers must be a whole number from 1 to {most}, not {value}</source>
        <translation>el número de clientes debe ser un número entero de 1 a {most}, no {value}</translation>
    </message>
    <message>
        <source>the seed must be a whole number from 0 to 10^18 - 1, not {value}</source>
        <translation>la semilla debe ser un número entero de 0 a 10^18 - 1, no {value}</translation>
    </message>
    <message>
        <source>{n} simulated customer (seed {seed})</source>
        <translation>{n} cliente simulado (semilla {seed})</translation>
    </message>
    <message>
        <source>{n} simulated customers (seed {seed})</source>
        <translation>{n} clientes simulados (semilla {seed})</translation>
    </message>
    <message>
        <source>the store has no products for sale to draw customers from (import a catalog first)</source>
        <translation>la tienda no tiene productos a la venta de los que sacar clientes (importe antes un catálogo)</translation>
    </message>
    <message>
        <source>given twice (lines {first} and {again})</source>
        <translation>se da dos veces (líneas {first} y {again})</translation>
    </message>
    <message>
        <source>scenario {source}</source>
        <translation>escenario {source}</translation>
    </message>
    <message>
        <source>{source} is not valid YAML at line {line}, column {column}: {problem}</source>
        <translation>{source} no es YAML válido en la línea {line}, columna {column}: {problem}</translation>
    </message>
    <message>
        <source>{source} is not valid YAML: {problem}</source>
        <translation>{source} no es YAML válido: {problem}</translation>
    </message>
    <message>
        <source>there is no scenario {id} in this practice store (&apos;pos-prompter practice list&apos; shows them)</source>
        <translation>no hay ningún escenario {id} en esta tienda de práctica (&apos;pos-prompter practice list&apos; los muestra)</translation>
    </message>
</context>
<context>
    <name>scoring</name>
    <message>
        <source>saves {amount}</source>
        <translation>ahorra {amount}</translation>
    </message>
    <message>
        <source>You recorded an answer to {what} without offering it: read the script to {customer} first (F6).</source>
        <translation>Registró una respuesta a {what} sin ofrecerlo: lea antes el guion a {customer} (F6).</translation>
    </message>
    <message>
        <source>You didn&apos;t offer {what}: {customer} would have said yes{figures}.</source>
        <translation>No ofreció {what}: {customer} habría dicho que sí{figures}.</translation>
    </message>
    <message>
        <source>You didn&apos;t offer {what}. {customer} would have said no this time, but offering is how you find out.</source>
        <translation>No ofreció {what}. {customer} habría dicho que no esta vez, pero ofreciendo es como se sabe.</translation>
    </message>
    <message>
        <source>{customer} asked why about {what} and you didn&apos;t explain (F5), so {customer} said no; explained, it would have been a yes{figures}</source>
        <translation>{customer} preguntó por qué sobre {what} y usted no lo explicó (F5), así que {customer} dijo que no; con la explicación, habría sido un sí{figures}</translation>
    </message>
    <message>
        <source>{customer} asked why about {what} and you didn&apos;t explain (F5), so {customer} said no</source>
        <translation>{customer} preguntó por qué sobre {what} y usted no lo explicó (F5), así que {customer} dijo que no</translation>
    </message>
    <message>
        <source>You offered {what} and explained why when {customer} asked</source>
        <translation>Ofreció {what} y explicó por qué cuando {customer} lo preguntó</translation>
    </message>
    <message>
        <source>You offered {what}</source>
        <translation>Ofreció {what}</translation>
    </message>
    <message>
        <source>{lead}. Record the answer before moving on (F9 yes, F10 no).</source>
        <translation>{lead}. Registre la respuesta antes de seguir (F9 sí, F10 no).</translation>
    </message>
    <message>
        <source>{lead}. {customer} said yes: record that with F9.</source>
        <translation>{lead}. {customer} dijo que sí: regístrelo con F9.</translation>
    </message>
    <message>
        <source>{lead}. {customer} said no: record that with F10.</source>
        <translation>{lead}. {customer} dijo que no: regístrelo con F10.</translation>
    </message>
    <message>
        <source>{lead} and {customer} said yes{figures}. Well done.</source>
        <translation>{lead} y {customer} dijo que sí{figures}. Bien hecho.</translation>
    </message>
    <message>
        <source>{lead}. You recorded the no.</source>
        <translation>{lead}. Registró el no.</translation>
    </message>
    <message>
        <source>{lead} and recorded {customer}&apos;s no: asking is the job.</source>
        <translation>{lead} y registró el no de {customer}: preguntar es el trabajo.</translation>
    </message>
    <message>
        <source>You rang up every item right ({n} of {n}).</source>
        <translation>Cobró bien todos los artículos ({n} de {n}).</translation>
    </message>
    <message>
        <source>missing {items}</source>
        <translation>faltan {items}</translation>
    </message>
    <message>
        <source>not on the list {items} (a point off each)</source>
        <translation>no están en la lista {items} (un punto menos cada uno)</translation>
    </message>
    <message>
        <source>Items: {parts}.</source>
        <translation>Artículos: {parts}.</translation>
    </message>
    <message>
        <source>Not served before the end of the session.</source>
        <translation>No atendido antes del final de la sesión.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>On</source>
        <translation>Activado</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar los ajustes</translation>
    </message>
    <message>
        <source>Undo my edits</source>
        <translation>Deshacer mis cambios</translation>
    </message>
    <message>
        <source>{value} (default)</source>
        <translation>{value} (por defecto)</translation>
    </message>
    <message>
        <source>Nothing was saved: {problem}</source>
        <translation>No se guardó nada: {problem}</translation>
    </message>
    <message>
        <source>Nothing was saved: {n} setting needs a change (see the red text).</source>
        <translation>No se guardó nada: {n} ajuste necesita un cambio (vea el texto en rojo).</translation>
    </message>
    <message>
        <source>Nothing was saved: {n} settings need a change (see the red text).</source>
        <translation>No se guardó nada: {n} ajustes necesitan un cambio (vea el texto en rojo).</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>Nada que guardar: no se cambió ningún ajuste.</translation>
    </message>
    <message>
        <source>Saved: {names}. The tills use them from now on.</source>
        <translation>Guardado: {names}. Las cajas lo usan desde ahora.</translation>
    </message>
    <message>
        <source>Prompts at the till</source>
        <translation>Sugerencias en la caja</translation>
    </message>
    <message>
        <source>Most prompts in one order</source>
        <translation>Máximo de sugerencias en un pedido</translation>
    </message>
    <message>
        <source>Largest offer, times the item&apos;s price</source>
        <translation>Oferta máxima, en veces el precio del artículo</translation>
    </message>
    <message>
        <source>Rush hour at scans a minute</source>
        <translation>Hora punta a partir de escaneos por minuto</translation>
    </message>
    <message>
        <source>The store</source>
        <translation>La tienda</translation>
    </message>
    <message>
        <source>Store name</source>
        <translation>Nombre de la tienda</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Moneda</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Till colours (light or dark)</source>
        <translation>Colores de la caja (light: claros, dark: oscuros)</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Rank clerks in the results (leaderboard)</source>
        <translation>Clasificar a los cajeros en los resultados (clasificación)</translation>
    </message>
    <message>
        <source>Paid orders a clerk needs to be ranked</source>
        <translation>Pedidos pagados que necesita un cajero para clasificarse</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Back up every (minutes)</source>
        <translation>Copia de seguridad cada (minutos)</translation>
    </message>
    <message>
        <source>Keep backups for (days)</source>
        <translation>Conservar las copias durante (días)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>At least {n} characters, not all digits: a phrase of a few words is easy to remember and hard to guess.</source>
        <translation>Al menos {n} caracteres, no todos dígitos: una frase de unas pocas palabras es fácil de recordar y difícil de adivinar.</translation>
    </message>
    <message>
        <source>The two passwords are not the same; type the new password twice.</source>
        <translation>Las dos contraseñas no son iguales; escriba la contraseña nueva dos veces.</translation>
    </message>
    <message>
        <source>password refused: {problem}.</source>
        <translation>contraseña rechazada: {problem}.</translation>
    </message>
    <message>
        <source>That is the published demo password, which anyone can look up; choose your own.</source>
        <translation>Esa es la contraseña publicada de la demostración, que cualquiera puede consultar; elija la suya.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Wait a moment: the password is being saved.</source>
        <translation>Espere un momento: se está guardando la contraseña.</translation>
    </message>
    <message>
        <source>Manager sign-in</source>
        <translation>Entrada del gerente</translation>
    </message>
    <message>
        <source>The workspace (rules, catalog, staff) opens only for a manager, with a password. A clerk&apos;s PIN does not open it.</source>
        <translation>El espacio de trabajo (reglas, catálogo, personal) solo se abre para un gerente, con contraseña. El PIN de un cajero no lo abre.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type your name first.</source>
        <translation>Escriba primero su nombre.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
    <message>
        <source>Trainer sign-in</source>
        <translation>Entrada del formador</translation>
    </message>
    <message>
        <source>The trainer view (trainees&apos; results, scenarios) opens for a trainer or a manager, with a password. A clerk&apos;s PIN does not open it.</source>
        <translation>La vista del formador (resultados de los aprendices, escenarios) se abre para un formador o un gerente, con contraseña. El PIN de un cajero no la abre.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>First manager</source>
        <translation>Primer gerente</translation>
    </message>
    <message>
        <source>This store has no manager yet. Choose the first manager&apos;s name and password: rules, catalog and staff can be changed only with it.</source>
        <translation>Esta tienda aún no tiene gerente. Elija el nombre y la contraseña del primer gerente: reglas, catálogo y personal solo se pueden cambiar con ella.</translation>
    </message>
    <message>
        <source>Manager&apos;s name</source>
        <translation>Nombre del gerente</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Contraseña otra vez</translation>
    </message>
    <message>
        <source>Create manager</source>
        <translation>Crear gerente</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>New password for {name}</source>
        <translation>Contraseña nueva para {name}</translation>
    </message>
    <message>
        <source>Choose a new password for {name}.</source>
        <translation>Elija una contraseña nueva para {name}.</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Contraseña nueva otra vez</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
</context>
<context>
    <name>skip</name>
    <message>
        <source>the rule is inactive</source>
        <translation>la regla está inactiva</translation>
    </message>
    <message>
        <source>already offered in this order</source>
        <translation>ya se ofreció en este pedido</translation>
    </message>
    <message>
        <source>this order has had its {n} prompt already</source>
        <translation>este pedido ya tuvo su {n} sugerencia</translation>
    </message>
    <message>
        <source>this order has had its {n} prompts already</source>
        <translation>este pedido ya tuvo sus {n} sugerencias</translation>
    </message>
    <message>
        <source>this order has had its {n} prompt already (rush hour)</source>
        <translation>este pedido ya tuvo su {n} sugerencia (hora punta)</translation>
    </message>
    <message>
        <source>this order has had its {n} prompts already (rush hour)</source>
        <translation>este pedido ya tuvo sus {n} sugerencias (hora punta)</translation>
    </message>
    <message>
        <source>the line that triggered it is gone</source>
        <translation>la línea que la disparó ya no está</translation>
    </message>
    <message>
        <source>{sku} is not in the catalog</source>
        <translation>{sku} no está en el catálogo</translation>
    </message>
    <message>
        <source>{name} does not match the rule&apos;s scanned items</source>
        <translation>{name} no coincide con los artículos escaneados de la regla</translation>
    </message>
    <message>
        <source>outside its time window</source>
        <translation>fuera de su horario</translation>
    </message>
    <message>
        <source>not for this customer type</source>
        <translation>no es para este tipo de cliente</translation>
    </message>
    <message>
        <source>this order is in the rule&apos;s holdout (control) group</source>
        <translation>este pedido está en el grupo de control de la regla</translation>
    </message>
    <message>
        <source>the order total is below {amount}</source>
        <translation>el total del pedido es menor que {amount}</translation>
    </message>
    <message>
        <source>the order total is above {amount}</source>
        <translation>el total del pedido es mayor que {amount}</translation>
    </message>
    <message>
        <source>the order has no {ref}</source>
        <translation>el pedido no tiene {ref}</translation>
    </message>
    <message>
        <source>the order already has {ref}</source>
        <translation>el pedido ya tiene {ref}</translation>
    </message>
    <message>
        <source>no active product to upgrade to</source>
        <translation>no hay ningún producto activo al que mejorar</translation>
    </message>
    <message>
        <source>{name} is the largest size</source>
        <translation>{name} es el tamaño más grande</translation>
    </message>
    <message>
        <source>the line is already {name}</source>
        <translation>la línea ya es {name}</translation>
    </message>
    <message>
        <source>the customer already said no to {name} in this order</source>
        <translation>el cliente ya dijo que no a {name} en este pedido</translation>
    </message>
    <message>
        <source>{name} costs less than {other}</source>
        <translation>{name} cuesta menos que {other}</translation>
    </message>
    <message>
        <source>every offered item is already in the order or unavailable</source>
        <translation>todos los artículos ofrecidos ya están en el pedido o no están disponibles</translation>
    </message>
    <message>
        <source>bundle item {sku} is not available</source>
        <translation>el artículo del paquete {sku} no está disponible</translation>
    </message>
    <message>
        <source>reward {sku} is not available</source>
        <translation>el premio {sku} no está disponible</translation>
    </message>
    <message>
        <source>{name} is already in the order</source>
        <translation>{name} ya está en el pedido</translation>
    </message>
    <message>
        <source>the order is already past the reward total</source>
        <translation>el pedido ya supera el total del premio</translation>
    </message>
    <message>
        <source>the order is {gap} short, more than {within}</source>
        <translation>al pedido le faltan {gap}, más de {within}</translation>
    </message>
    <message>
        <source>blocked by the price ratio: adds {delta} to {base} (limit {ratio}x)</source>
        <translation>bloqueada por la proporción de precio: añade {delta} a {base} (límite {ratio}x)</translation>
    </message>
    <message>
        <source>the rule is no longer published</source>
        <translation>la regla ya no está publicada</translation>
    </message>
</context>
<context>
    <name>staff</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Signs in with</source>
        <translation>Entra con</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>PIN or password set</source>
        <translation>PIN o contraseña fijados</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>cajero</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>formador</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>gerente</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>no PIN yet</source>
        <translation>aún sin PIN</translation>
    </message>
    <message>
        <source>no password yet</source>
        <translation>aún sin contraseña</translation>
    </message>
    <message>
        <source>locked until {time}</source>
        <translation>bloqueado hasta las {time}</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>The two PINs differ; nothing was changed.</source>
        <translation>Los dos PIN no coinciden; no se cambió nada.</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>Las dos contraseñas no coinciden; no se cambió nada.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>A new PIN or password for the one selected</source>
        <translation>Un PIN o una contraseña nuevos para la persona seleccionada</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>New PIN or password</source>
        <translation>PIN o contraseña nuevos</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>Lo mismo otra vez</translation>
    </message>
    <message>
        <source>Add someone</source>
        <translation>Añadir a alguien</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>clerks: 4-8 digits; others: 10 characters+</source>
        <translation>cajeros: 4-8 cifras; los demás: 10 caracteres o más</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN o contraseña</translation>
    </message>
    <message>
        <source>{name} is already on the staff list</source>
        <translation>{name} ya está en la lista de personal</translation>
    </message>
    <message>
        <source>Adding…</source>
        <translation>Añadiendo…</translation>
    </message>
    <message>
        <source>Added {name} ({role}, signs in with a PIN).</source>
        <translation>Añadido {name} ({role}, entra con un PIN).</translation>
    </message>
    <message>
        <source>Added {name} ({role}, signs in with a password).</source>
        <translation>Añadido {name} ({role}, entra con una contraseña).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Changed the PIN of {name}.</source>
        <translation>Cambiado el PIN de {name}.</translation>
    </message>
    <message>
        <source>Changed the password of {name}.</source>
        <translation>Cambiada la contraseña de {name}.</translation>
    </message>
    <message>
        <source>Enabled {name}.</source>
        <translation>Activado {name}.</translation>
    </message>
    <message>
        <source>Disabled {name}.</source>
        <translation>Desactivado {name}.</translation>
    </message>
    <message>
        <source>Unlocked {name}: they can sign in again now.</source>
        <translation>Desbloqueado {name}: ya puede volver a entrar.</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <source>the sign-in was cancelled</source>
        <translation>el inicio de sesión se canceló</translation>
    </message>
    <message>
        <source>a staff name cannot be empty</source>
        <translation>un nombre del personal no puede estar vacío</translation>
    </message>
    <message>
        <source>a staff name can have at most {n} characters</source>
        <translation>un nombre del personal puede tener como máximo {n} caracteres</translation>
    </message>
    <message>
        <source>a staff name cannot contain control characters</source>
        <translation>un nombre del personal no puede contener caracteres de control</translation>
    </message>
    <message>
        <source>there is no one called {name!r} on the staff list</source>
        <translation>no hay nadie llamado {name!r} en la lista de personal</translation>
    </message>
    <message>
        <source>{name!r} is already on the staff list</source>
        <translation>{name!r} ya está en la lista de personal</translation>
    </message>
    <message>
        <source>this store already has a manager; a manager adds others in the workspace</source>
        <translation>esta tienda ya tiene un gerente; un gerente añade a los demás en el espacio de trabajo</translation>
    </message>
    <message>
        <source>{name!r} is already on the staff list as a {role}; choose another name for the manager</source>
        <translation>{name!r} ya está en la lista de personal con la función de {role}; elija otro nombre para el gerente</translation>
    </message>
    <message>
        <source>{name} is the only active manager; add another manager before disabling them</source>
        <translation>{name} es el único gerente activo; añada otro gerente antes de desactivarlo</translation>
    </message>
    <message>
        <source>{name} is locked until {time} after {n} wrong attempts</source>
        <translation>{name} está bloqueado hasta las {time} tras {n} intentos fallidos</translation>
    </message>
    <message>
        <source>wrong PIN; {locked}</source>
        <translation>PIN incorrecto; {locked}</translation>
    </message>
    <message>
        <source>wrong password; {locked}</source>
        <translation>contraseña incorrecta; {locked}</translation>
    </message>
    <message>
        <source>there is no one by that name on the staff list</source>
        <translation>no hay nadie con ese nombre en la lista de personal</translation>
    </message>
    <message>
        <source>{name} is disabled; a manager can enable them again</source>
        <translation>{name} está desactivado; un gerente puede activarlo de nuevo</translation>
    </message>
    <message>
        <source>{name} is a {role}; this needs a manager&apos;s password</source>
        <translation>{name} tiene la función de {role}; esto requiere la contraseña de un gerente</translation>
    </message>
    <message>
        <source>{name} is a {role}; this needs a {needed}</source>
        <translation>{name} tiene la función de {role}; esto requiere la función de {needed}</translation>
    </message>
    <message>
        <source>{name} has no PIN yet; a manager sets one (pos-prompter staff passwd {name})</source>
        <translation>{name} aún no tiene PIN; un gerente le asigna uno (pos-prompter staff passwd {name})</translation>
    </message>
    <message>
        <source>{name} has no password yet; a manager sets one (pos-prompter staff passwd {name})</source>
        <translation>{name} aún no tiene contraseña; un gerente le asigna una (pos-prompter staff passwd {name})</translation>
    </message>
    <message>
        <source>wrong PIN; {n} try left</source>
        <translation>PIN incorrecto; le queda {n} intento</translation>
    </message>
    <message>
        <source>wrong PIN; {n} tries left</source>
        <translation>PIN incorrecto; le quedan {n} intentos</translation>
    </message>
    <message>
        <source>wrong password; {n} try left</source>
        <translation>contraseña incorrecta; le queda {n} intento</translation>
    </message>
    <message>
        <source>wrong password; {n} tries left</source>
        <translation>contraseña incorrecta; le quedan {n} intentos</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} o {second}</translation>
    </message>
    <message>
        <source>SQLite found a damaged page</source>
        <translation>SQLite encontró una página dañada</translation>
    </message>
    <message>
        <source>the latest good backup is {latest}; restore it with &apos;pos-prompter restore {latest} --db {store}&apos;</source>
        <translation>la última copia de seguridad buena es {latest}; restáurela con &apos;pos-prompter restore {latest} --db {store}&apos;</translation>
    </message>
    <message>
        <source>there is no automatic backup beside it; restore one you keep elsewhere with &apos;pos-prompter restore FILE --db {store}&apos;</source>
        <translation>no hay ninguna copia de seguridad automática a su lado; restaure una que guarde en otro lugar con &apos;pos-prompter restore ARCHIVO --db {store}&apos;</translation>
    </message>
    <message>
        <source>{store} is damaged ({why}) and was left as it is: run &apos;pos-prompter check --db {store}&apos; to see what is damaged; {then}</source>
        <translation>{store} está dañada ({why}) y se dejó como estaba: ejecute &apos;pos-prompter check --db {store}&apos; para ver qué está dañado; {then}</translation>
    </message>
    <message>
        <source>{path} is kept locked by another program, so it could not be checked now; try again when it is done</source>
        <translation>otro programa mantiene {path} bloqueada, así que no se pudo comprobar ahora; inténtelo de nuevo cuando termine</translation>
    </message>
    <message>
        <source>{path} could not be checked now ({why}); try again</source>
        <translation>{path} no se pudo comprobar ahora ({why}); inténtelo de nuevo</translation>
    </message>
    <message>
        <source>table {name} cannot be read ({why})</source>
        <translation>la tabla {name} no se puede leer ({why})</translation>
    </message>
    <message>
        <source>the check itself stopped (database disk image is malformed)</source>
        <translation>la propia comprobación se detuvo (database disk image is malformed)</translation>
    </message>
    <message>
        <source>table {table} row {row} refers to a {parent} row that is not there</source>
        <translation>la fila {row} de la tabla {table} remite a una fila de {parent} que no existe</translation>
    </message>
    <message>
        <source>the foreign keys cannot be checked ({why})</source>
        <translation>las claves foráneas no se pueden comprobar ({why})</translation>
    </message>
    <message>
        <source>there is no store file at {path}</source>
        <translation>no hay ningún archivo de tienda en {path}</translation>
    </message>
    <message>
        <source>the file cannot be opened ({why})</source>
        <translation>el archivo no se puede abrir ({why})</translation>
    </message>
    <message>
        <source>the list of tables cannot be read ({why})</source>
        <translation>la lista de tablas no se puede leer ({why})</translation>
    </message>
    <message>
        <source>the check itself stopped ({why})</source>
        <translation>la propia comprobación se detuvo ({why})</translation>
    </message>
    <message>
        <source>{path} already exists: a backup never overwrites a file; choose another name</source>
        <translation>{path} ya existe: una copia de seguridad nunca sobrescribe un archivo; elija otro nombre</translation>
    </message>
    <message>
        <source>a backup must be another file than the store itself</source>
        <translation>una copia de seguridad debe ser un archivo distinto de la propia tienda</translation>
    </message>
    <message>
        <source>cannot write the backup {path} ({why})</source>
        <translation>no se puede escribir la copia de seguridad {path} ({why})</translation>
    </message>
    <message>
        <source>there is no backup file at {path}</source>
        <translation>no hay ningún archivo de copia de seguridad en {path}</translation>
    </message>
    <message>
        <source>{path} is the store itself: give a backup of it</source>
        <translation>{path} es la propia tienda: indique una copia de seguridad de ella</translation>
    </message>
    <message>
        <source>{path} is not a good backup ({why}); nothing was changed. Give another backup (see &apos;pos-prompter check --db BACKUP&apos;)</source>
        <translation>{path} no es una copia de seguridad buena ({why}); no se cambió nada. Indique otra copia de seguridad (vea &apos;pos-prompter check --db BACKUP&apos;)</translation>
    </message>
    <message>
        <source>{path} is open in another program (process {pid}): close the till and any command using it, then restore; nothing was changed</source>
        <translation>{path} está abierta en otro programa (proceso {pid}): cierre la caja y cualquier comando que la use, y después restaure; no se cambió nada</translation>
    </message>
    <message>
        <source>cannot copy {backup} beside {store} ({why}); nothing was changed</source>
        <translation>no se puede copiar {backup} junto a {store} ({why}); no se cambió nada</translation>
    </message>
    <message>
        <source>cannot put {backup} in place of {store} ({why}); nothing was changed</source>
        <translation>no se puede poner {backup} en lugar de {store} ({why}); no se cambió nada</translation>
    </message>
    <message>
        <source>{path} is not a usable store ({why})</source>
        <translation>{path} no es una tienda utilizable ({why})</translation>
    </message>
    <message>
        <source>{path} kept changing while it was being read; try again</source>
        <translation>{path} siguió cambiando mientras se leía; inténtelo de nuevo</translation>
    </message>
    <message>
        <source>the practice store is busy or read-only ({why})</source>
        <translation>la tienda de práctica está ocupada o es de solo lectura ({why})</translation>
    </message>
    <message>
        <source>could not copy {path} into the practice store ({why})</source>
        <translation>no se pudo copiar {path} en la tienda de práctica ({why})</translation>
    </message>
    <message>
        <source>{path} is a SQLite database of another program, not a pos-prompter store</source>
        <translation>{path} es una base de datos SQLite de otro programa, no una tienda de pos-prompter</translation>
    </message>
    <message>
        <source>{path} is not a usable store (it has no {table} table)</source>
        <translation>{path} no es una tienda utilizable (no tiene la tabla {table})</translation>
    </message>
    <message>
        <source>{path} is a practice store; give the real store with --db</source>
        <translation>{path} es una tienda de práctica; indique la tienda real con --db</translation>
    </message>
    <message>
        <source>{path} is not a usable store (its barcode {code} names product {sku}, which it does not have)</source>
        <translation>{path} no es una tienda utilizable (su código de barras {code} nombra el producto {sku}, que no tiene)</translation>
    </message>
    <message>
        <source>cannot create the folder {path} ({why})</source>
        <translation>no se puede crear la carpeta {path} ({why})</translation>
    </message>
    <message>
        <source>the store is busy or read-only ({why})</source>
        <translation>la tienda está ocupada o es de solo lectura ({why})</translation>
    </message>
    <message>
        <source>could not save to the store ({why})</source>
        <translation>no se pudo guardar en la tienda ({why})</translation>
    </message>
    <message>
        <source>there is no store at {path} (create one with &apos;pos-prompter init --db {path}&apos;)</source>
        <translation>no hay ninguna tienda en {path} (cree una con &apos;pos-prompter init --db {path}&apos;)</translation>
    </message>
    <message>
        <source>{path} cannot be read ({why})</source>
        <translation>{path} no se puede leer ({why})</translation>
    </message>
    <message>
        <source>{path} is a folder, not a store file; give the store file itself with --db</source>
        <translation>{path} es una carpeta, no un archivo de tienda; indique el propio archivo de la tienda con --db</translation>
    </message>
    <message>
        <source>{path} cannot be read (permission denied); ask whoever set up this computer to let this user read it</source>
        <translation>{path} no se puede leer (permiso denegado); pida a quien configuró este equipo que permita leerla a este usuario</translation>
    </message>
    <message>
        <source>{path} is not a usable store: it is empty (0 bytes), and it was left as it is. Restore the store from a backup, or remove the empty file and create a new store with &apos;pos-prompter init --db {path}&apos;</source>
        <translation>{path} no es una tienda utilizable: está vacía (0 bytes), y se dejó como estaba. Restaure la tienda desde una copia de seguridad, o quite el archivo vacío y cree una tienda nueva con &apos;pos-prompter init --db {path}&apos;</translation>
    </message>
    <message>
        <source>{path} is not a usable store: it is not a SQLite database (or its first page is damaged), and it was left as it is. Check the path given with --db, or restore the store from a backup</source>
        <translation>{path} no es una tienda utilizable: no es una base de datos SQLite (o su primera página está dañada), y se dejó como estaba. Compruebe la ruta indicada con --db, o restaure la tienda desde una copia de seguridad</translation>
    </message>
    <message>
        <source>{path} is not a usable store: it is a SQLite database without pos-prompter&apos;s tables, and it was left as it is. Check the path given with --db, or restore the store from a backup</source>
        <translation>{path} no es una tienda utilizable: es una base de datos SQLite sin las tablas de pos-prompter, y se dejó como estaba. Compruebe la ruta indicada con --db, o restaure la tienda desde una copia de seguridad</translation>
    </message>
    <message>
        <source>{path} is read-only (the file or its folder cannot be written by this user): nothing was saved. Commands that only read it still work; to change it, make the file and its folder writable again</source>
        <translation>{path} es de solo lectura (este usuario no puede escribir el archivo o su carpeta): no se guardó nada. Los comandos que solo la leen siguen funcionando; para cambiarla, haga que el archivo y su carpeta se puedan escribir de nuevo</translation>
    </message>
    <message>
        <source>the store</source>
        <translation>la tienda</translation>
    </message>
    <message>
        <source>the disk is full where {name} is kept: nothing was saved, the store is as it was. Free some space on that disk and try again</source>
        <translation>el disco donde se guarda {name} está lleno: no se guardó nada, la tienda está como estaba. Libere algo de espacio en ese disco e inténtelo de nuevo</translation>
    </message>
    <message>
        <source>a file-size limit (ulimit -f) stopped the save to {name}: nothing was saved, the store is as it was. Raise the limit and try again</source>
        <translation>un límite de tamaño de archivo (ulimit -f) detuvo el guardado en {name}: no se guardó nada, la tienda está como estaba. Suba el límite e inténtelo de nuevo</translation>
    </message>
    <message>
        <source>{name} is busy: another program (a till or a command) kept it locked for writing too long, and nothing was saved. Try again when it is done</source>
        <translation>{name} está ocupada: otro programa (una caja o un comando) la mantuvo bloqueada para escribir demasiado tiempo, y no se guardó nada. Inténtelo de nuevo cuando termine</translation>
    </message>
    <message>
        <source>cannot create a store at {path}: its folder cannot be written by this user. Choose another folder with --db, or make this one writable</source>
        <translation>no se puede crear una tienda en {path}: este usuario no puede escribir en su carpeta. Elija otra carpeta con --db, o haga que se pueda escribir en esta</translation>
    </message>
    <message>
        <source>cannot create a store at {path} ({why})</source>
        <translation>no se puede crear una tienda en {path} ({why})</translation>
    </message>
    <message>
        <source>added</source>
        <translation>añadido</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambiado</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>quitado</translation>
    </message>
    <message>
        <source>audit entry {number} ({at}, {entity} {id} {action} by {actor})</source>
        <translation>entrada de auditoría {number} ({at}, {entity} {id} {action} por {actor})</translation>
    </message>
    <message>
        <source>the first audit entry was removed behind the app&apos;s back</source>
        <translation>la primera entrada de auditoría se quitó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>the audit entry after entry {number} ({at}, {entity} {id} {action} by {actor}) was removed behind the app&apos;s back</source>
        <translation>la entrada de auditoría posterior a la entrada {number} ({at}, {entity} {id} {action} por {actor}) se quitó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>audit entry {number} ({at}, {entity} {id} {action} by {actor}) was inserted behind the app&apos;s back</source>
        <translation>la entrada de auditoría {number} ({at}, {entity} {id} {action} por {actor}) se insertó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>audit entry {number} ({at}, {entity} {id} {action} by {actor}) was changed behind the app&apos;s back</source>
        <translation>la entrada de auditoría {number} ({at}, {entity} {id} {action} por {actor}) se cambió a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>the audit log&apos;s table was removed behind the app&apos;s back</source>
        <translation>la tabla del registro de auditoría se quitó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>the audit log&apos;s hash column was removed behind the app&apos;s back</source>
        <translation>la columna de hashes del registro de auditoría se quitó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>the audit log&apos;s record of its last entry was removed behind the app&apos;s back</source>
        <translation>el registro de la última entrada del registro de auditoría se quitó a espaldas de la aplicación</translation>
    </message>
    <message>
        <source>product change</source>
        <translation>cambio de producto</translation>
    </message>
    <message>
        <source>The price {problem}.</source>
        <translation>Precio: {problem}.</translation>
    </message>
    <message>
        <source>The {problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>Barcode {code} is given twice.</source>
        <translation>El código de barras {code} aparece dos veces.</translation>
    </message>
    <message>
        <source>there is no product {sku} any more (changed elsewhere?)</source>
        <translation>ya no existe el producto {sku} (¿se cambió en otro lugar?)</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}.</translation>
    </message>
    <message>
        <source>SKU {sku} is given twice</source>
        <translation>el SKU {sku} aparece dos veces</translation>
    </message>
    <message>
        <source>barcode {code} of {sku} is also given to {owner}</source>
        <translation>el código de barras {code} de {sku} también se da a {owner}</translation>
    </message>
    <message>
        <source>catalog</source>
        <translation>catálogo</translation>
    </message>
    <message>
        <source>order {order} was changed at another till; reopen the till to see it as it now is</source>
        <translation>el pedido {order} se cambió en otra caja; vuelva a abrir la caja para verlo como está ahora</translation>
    </message>
    <message>
        <source>there is no demo called {name!r} (choose {demos})</source>
        <translation>no hay ninguna demostración llamada {name!r} (elija {demos})</translation>
    </message>
    <message>
        <source>{path} already exists; choose another path or remove it first</source>
        <translation>{path} ya existe; elija otra ruta o quítelo primero</translation>
    </message>
    <message>
        <source>{path} does not exist, but {wal} beside it does (the rest of a store): restore that store, or move the file away first</source>
        <translation>{path} no existe, pero {wal} a su lado sí (el resto de una tienda): restaure esa tienda, o aparte el archivo primero</translation>
    </message>
</context>
<context>
    <name>store_guard</name>
    <message>
        <source>Restore the latest good backup, {name} (taken {when})? The damaged store is kept beside it, and the till starts again on the backup.</source>
        <translation>¿Restaurar la última copia de seguridad buena, {name} (hecha el {when})? La tienda dañada se conserva a su lado, y la caja vuelve a empezar con la copia.</translation>
    </message>
    <message>
        <source>There is no automatic backup beside it: restore one with &apos;pos-prompter restore FILE --db ...&apos;.</source>
        <translation>No hay ninguna copia de seguridad automática a su lado: restaure una con &apos;pos-prompter restore ARCHIVO --db ...&apos;.</translation>
    </message>
    <message>
        <source>The store is damaged</source>
        <translation>La tienda está dañada</translation>
    </message>
    <message>
        <source>The till stopped: {sentence}.</source>
        <translation>La caja se detuvo: {sentence}.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurar la copia</translation>
    </message>
    <message>
        <source>{path} was restored from {backup}.</source>
        <translation>{path} se restauró desde {backup}.</translation>
    </message>
    <message>
        <source>The damaged store is kept as {path}.</source>
        <translation>La tienda dañada se conserva como {path}.</translation>
    </message>
    <message>
        <source>Start the till again.</source>
        <translation>Vuelva a iniciar la caja.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {problem}</source>
        <translation>No se pudo restaurar la copia: {problem}</translation>
    </message>
</context>
<context>
    <name>store_info</name>
    <message>
        <source>store</source>
        <translation>tienda</translation>
    </message>
    <message>
        <source>(demo store)</source>
        <translation>(tienda de demostración)</translation>
    </message>
    <message>
        <source>PRACTICE</source>
        <translation>PRÁCTICA</translation>
    </message>
    <message>
        <source>till {name}</source>
        <translation>caja {name}</translation>
    </message>
    <message>
        <source>Practice copy of the demo store ({demo})</source>
        <translation>Copia de práctica de la tienda de demostración ({demo})</translation>
    </message>
    <message>
        <source>Practice copy of the store</source>
        <translation>Copia de práctica de la tienda</translation>
    </message>
    <message>
        <source>Demo store ({demo})</source>
        <translation>Tienda de demostración ({demo})</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Tienda</translation>
    </message>
    <message>
        <source>in memory, not saved</source>
        <translation>en memoria, sin guardar</translation>
    </message>
    <message>
        <source>A new demo store ({demo}) was created at {path}.</source>
        <translation>Se creó una tienda de demostración nueva ({demo}) en {path}.</translation>
    </message>
</context>
<context>
    <name>suggest</name>
    <message>
        <source>--min-support {value} is not a fraction of the orders above 0 and at most 1 (e.g. 0.01 for 1% of orders)</source>
        <translation>--min-support {value} no es una fracción de los pedidos mayor que 0 y como mucho 1 (p. ej. 0.01 para el 1% de los pedidos)</translation>
    </message>
    <message>
        <source>bought together in {share} of orders with {trigger}, {times} times more often than chance</source>
        <translation>comprados juntos en el {share} de los pedidos con {trigger}, {times} veces más a menudo que por azar</translation>
    </message>
    <message>
        <source>Suggested: {offer} with {trigger}</source>
        <translation>Sugerida: {offer} con {trigger}</translation>
    </message>
    <message>
        <source>Would you like {offer} with that? It&apos;s {price}.</source>
        <translation>¿Desea también {offer}? Cuesta {price}.</translation>
    </message>
    <message>
        <source>{share} of customers who buy {trigger} take {offer} too.</source>
        <translation>El {share} de los clientes que compran {trigger} también se llevan {offer}.</translation>
    </message>
</context>
<context>
    <name>suggestions</name>
    <message>
        <source>Trigger</source>
        <translation>Disparador</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Soporte</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <source>Already offered</source>
        <translation>Ya ofrecido</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>This is a practice store, and suggestions are mined from real sales: open the workspace on the real store.</source>
        <translation>Esta es una tienda de práctica, y las propuestas se extraen de ventas reales: abra el espacio de trabajo sobre la tienda real.</translation>
    </message>
    <message>
        <source>already offered by {rule}</source>
        <translation>ya ofrecido por {rule}</translation>
    </message>
    <message>
        <source>{offer}: {why} ({n} orders)</source>
        <translation>{offer}: {why} ({n} pedidos)</translation>
    </message>
    <message>
        <source>% of orders</source>
        <translation>% de los pedidos</translation>
    </message>
    <message>
        <source>A pair must be in at least this share of the paid orders (and in at least 5 orders) to be suggested.</source>
        <translation>Un par debe estar en al menos esta proporción de los pedidos pagados (y en al menos 5 pedidos) para proponerse.</translation>
    </message>
    <message>
        <source>Pairs bought together in at least</source>
        <translation>Pares comprados juntos en al menos</translation>
    </message>
    <message>
        <source>Mine again</source>
        <translation>Analizar de nuevo</translation>
    </message>
    <message>
        <source>Read the store&apos;s sales again (the till keeps selling).</source>
        <translation>Volver a leer las ventas de la tienda (la caja sigue vendiendo).</translation>
    </message>
    <message>
        <source>Mining the sales…</source>
        <translation>Analizando las ventas…</translation>
    </message>
    <message>
        <source>Make a draft rule</source>
        <translation>Crear una regla borrador</translation>
    </message>
    <message>
        <source>Cross-sells mined from the store&apos;s paid orders show here.</source>
        <translation>Aquí aparecen las ventas cruzadas extraídas de los pedidos pagados de la tienda.</translation>
    </message>
    <message>
        <source>This store has no file to mine from.</source>
        <translation>Esta tienda no tiene archivo que analizar.</translation>
    </message>
    <message>
        <source>Mining the paid orders for pairs in at least {share} of them…</source>
        <translation>Buscando en los pedidos pagados pares presentes en al menos el {share} de ellos…</translation>
    </message>
    <message>
        <source>Could not mine the sales: {problem}</source>
        <translation>No se pudieron analizar las ventas: {problem}</translation>
    </message>
    <message>
        <source>No two products were bought together more often than chance in at least {least} of the {orders} paid orders: a lower minimum finds rarer pairs.</source>
        <translation>Ningún par de productos se compró junto más a menudo que por azar en al menos {least} de los {orders} pedidos pagados: un mínimo menor encuentra pares más raros.</translation>
    </message>
    <message>
        <source>{n} cross-sells bought together more often than chance, each in at least {least} of the {orders} paid orders (best first); {covered} already offered by a rule.</source>
        <translation>{n} ventas cruzadas compradas juntas más a menudo que por azar, cada una en al menos {least} de los {orders} pedidos pagados (las mejores primero); {covered} ya ofrecidas por una regla.</translation>
    </message>
    <message>
        <source>Select a suggestion to see its evidence, then make it a draft rule to check and publish.</source>
        <translation>Seleccione una propuesta para ver sus pruebas, y luego conviértala en una regla borrador para comprobarla y publicarla.</translation>
    </message>
    <message>
        <source>{offer} with {trigger}: {why}. Rule {rule} already offers it, so no draft is needed.</source>
        <translation>{offer} con {trigger}: {why}. La regla {rule} ya lo ofrece, así que no hace falta borrador.</translation>
    </message>
    <message>
        <source>{offer} with {trigger}: {why} ({n} orders).</source>
        <translation>{offer} con {trigger}: {why} ({n} pedidos).</translation>
    </message>
    <message>
        <source>Rule {rule} already has this pair (switched off): open it from the Rules tab instead of a new draft.</source>
        <translation>La regla {rule} ya tiene este par (desactivada): ábrala desde la pestaña Reglas en lugar de crear un borrador.</translation>
    </message>
    <message>
        <source>No draft: {offer} costs over twice {trigger}, more than lint lets a prompt offer.</source>
        <translation>Sin borrador: {offer} cuesta más del doble que {trigger}, más de lo que lint deja ofrecer a una sugerencia.</translation>
    </message>
</context>
<context>
    <name>threshold_mark</name>
    <message>
        <source>Free {name}</source>
        <translation>{name} gratis</translation>
    </message>
    <message>
        <source>{name} for {price}</source>
        <translation>{name} a {price}</translation>
    </message>
    <message>
        <source>{reward} at {threshold}: {to_go} to go</source>
        <translation>{reward} desde {threshold}: faltan {to_go}</translation>
    </message>
</context>
<context>
    <name>till</name>
    <message>
        <source>Order {order} reopened as it was: {n} line, {total}.</source>
        <translation>El pedido {order} se reabrió tal como estaba: {n} línea, {total}.</translation>
    </message>
    <message>
        <source>Order {order} reopened as it was: {n} lines, {total}.</source>
        <translation>El pedido {order} se reabrió tal como estaba: {n} líneas, {total}.</translation>
    </message>
    <message>
        <source>{text}: write a quantity as 3*CODE, or 3* for the last line</source>
        <translation>{text}: escriba una cantidad como 3*CÓDIGO, o 3* para la última línea</translation>
    </message>
    <message>
        <source>scan {code}</source>
        <translation>escanear {code}</translation>
    </message>
    <message>
        <source>Quantity must be 1 to {max}, not {qty}</source>
        <translation>La cantidad debe ser de 1 a {max}, no {qty}</translation>
    </message>
    <message>
        <source>set the quantity to {qty}</source>
        <translation>poner la cantidad en {qty}</translation>
    </message>
    <message>
        <source>scan {qty} x {code}</source>
        <translation>escanear {qty} x {code}</translation>
    </message>
    <message>
        <source>accept the suggestion</source>
        <translation>aceptar la sugerencia</translation>
    </message>
    <message>
        <source>decline the suggestion</source>
        <translation>rechazar la sugerencia</translation>
    </message>
    <message>
        <source>No declined offer to show again on that line.</source>
        <translation>No hay ninguna oferta rechazada que volver a mostrar en esa línea.</translation>
    </message>
    <message>
        <source>offer it again</source>
        <translation>volver a ofrecerla</translation>
    </message>
    <message>
        <source>Nothing to remove: the order is empty.</source>
        <translation>Nada que quitar: el pedido está vacío.</translation>
    </message>
    <message>
        <source>remove {name}</source>
        <translation>quitar {name}</translation>
    </message>
    <message>
        <source>set the customer type</source>
        <translation>poner el tipo de cliente</translation>
    </message>
    <message>
        <source>Nothing to check out yet: scan an item first.</source>
        <translation>Aún no hay nada que cobrar: escanee primero un artículo.</translation>
    </message>
    <message>
        <source>go to checkout</source>
        <translation>ir a cobrar</translation>
    </message>
    <message>
        <source>Nothing to pay yet: scan an item first.</source>
        <translation>Aún no hay nada que pagar: escanee primero un artículo.</translation>
    </message>
    <message>
        <source>take payment</source>
        <translation>cobrar</translation>
    </message>
    <message>
        <source>update the screen</source>
        <translation>actualizar la pantalla</translation>
    </message>
    <message>
        <source>{name} is signed in: order {order} goes on.</source>
        <translation>{name} ha entrado: el pedido {order} continúa.</translation>
    </message>
    <message>
        <source>{name} is signed in.</source>
        <translation>{name} ha entrado.</translation>
    </message>
    <message>
        <source>Order {order}</source>
        <translation>Pedido {order}</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Pedido nuevo</translation>
    </message>
    <message>
        <source>TRAINING</source>
        <translation>PRÁCTICA</translation>
    </message>
    <message>
        <source>info</source>
        <translation>información</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>PRACTICE MODE — sales are not real</source>
        <translation>MODO DE PRÁCTICA — las ventas no son reales</translation>
    </message>
    <message>
        <source>Enter  scan    Esc  decline or clear    3*CODE  three    3*  qty of last</source>
        <translation>Intro  escanear    Esc  rechazar o borrar    3*CÓDIGO  tres    3*  cant. de la última</translation>
    </message>
    <message>
        <source>Scan a barcode, or type a code and press Enter</source>
        <translation>Escanee un código de barras, o escriba un código y pulse Intro</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Escanear</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Checkout</source>
        <translation>Ir a cobrar</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>Cobrar</translation>
    </message>
    <message>
        <source>Offer again</source>
        <translation>Ofrecer otra vez</translation>
    </message>
    <message>
        <source>Offer again what the customer declined on the line tapped, or else on the newest line</source>
        <translation>Ofrecer otra vez lo que el cliente rechazó en la línea tocada, o si no en la línea más reciente</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>Quitar línea</translation>
    </message>
    <message>
        <source>Remove the line tapped in the order, or else the last line</source>
        <translation>Quitar la línea tocada en el pedido, o si no la última línea</translation>
    </message>
    <message>
        <source>F6  offer    F5  explain    </source>
        <translation>F6  ofrecer    F5  explicar    </translation>
    </message>
    <message>
        <source>Manager…  Ctrl+M</source>
        <translation>Gerente…  Ctrl+M</translation>
    </message>
    <message>
        <source>Sign in as a manager to change rules</source>
        <translation>Entrar como gerente para cambiar las reglas</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Paid {total} — next customer</source>
        <translation>Pagado {total} — siguiente cliente</translation>
    </message>
    <message>
        <source>Reward added: {name} {price}</source>
        <translation>Premio añadido: {name} {price}</translation>
    </message>
    <message>
        <source>Added: {name} {price}</source>
        <translation>Añadido: {name} {price}</translation>
    </message>
    <message>
        <source>Accepted: {rule}</source>
        <translation>Aceptada: {rule}</translation>
    </message>
    <message>
        <source>Declined: {rule}</source>
        <translation>Rechazada: {rule}</translation>
    </message>
    <message>
        <source>{name}: quantity {qty}</source>
        <translation>{name}: cantidad {qty}</translation>
    </message>
    <message>
        <source>Removed: {name}</source>
        <translation>Quitado: {name}</translation>
    </message>
    <message>
        <source>{name} now {price}</source>
        <translation>{name} ahora {price}</translation>
    </message>
    <message>
        <source>Checkout: {total} to pay (F12)</source>
        <translation>Cobro: {total} a pagar (F12)</translation>
    </message>
    <message>
        <source>Could not {what} ({reason}). Nothing was half-done: the order is as shown. The error is in the log.</source>
        <translation>No se pudo {what} ({reason}). Nada quedó a medias: el pedido está como se ve. El error está en el registro.</translation>
    </message>
    <message>
        <source>The manager&apos;s workspace opens at the real till, not in practice mode.</source>
        <translation>El espacio de trabajo del gerente se abre en la caja real, no en el modo de práctica.</translation>
    </message>
    <message>
        <source>The workspace is opening…</source>
        <translation>El espacio de trabajo se está abriendo…</translation>
    </message>
    <message>
        <source>{name} is the store&apos;s manager. Sign in to open the workspace.</source>
        <translation>{name} es el gerente de la tienda. Entre para abrir el espacio de trabajo.</translation>
    </message>
    <message>
        <source>Opening the workspace for {name}… the till keeps working.</source>
        <translation>Abriendo el espacio de trabajo para {name}… la caja sigue funcionando.</translation>
    </message>
    <message>
        <source>Could not open the workspace ({problem}).</source>
        <translation>No se pudo abrir el espacio de trabajo ({problem}).</translation>
    </message>
    <message>
        <source>Workspace open for {name}; the till keeps working.</source>
        <translation>Espacio de trabajo abierto para {name}; la caja sigue funcionando.</translation>
    </message>
    <message>
        <source>Could not read the catalog and rules ({problem}): nothing rings up until they can be read. The error is in the log.</source>
        <translation>No se pudieron leer el catálogo y las reglas ({problem}): no se cobra nada hasta que se puedan leer. El error está en el registro.</translation>
    </message>
    <message>
        <source>load the published changes</source>
        <translation>cargar los cambios publicados</translation>
    </message>
    <message>
        <source>Could not load the published changes ({problem}); the rules in force stay until the next publish.</source>
        <translation>No se pudieron cargar los cambios publicados ({problem}); las reglas vigentes siguen hasta la próxima publicación.</translation>
    </message>
    <message>
        <source>put the published changes in force</source>
        <translation>poner en vigor los cambios publicados</translation>
    </message>
    <message>
        <source>Prompts and prices updated from the store.</source>
        <translation>Sugerencias y precios actualizados desde la tienda.</translation>
    </message>
    <message>
        <source>quantity must be 1 to {most}, not {qty}</source>
        <translation>la cantidad debe ser de 1 a {most}, no {qty}</translation>
    </message>
    <message>
        <source>this order is paid; start a new one</source>
        <translation>este pedido está pagado; empiece uno nuevo</translation>
    </message>
    <message>
        <source>no prompt on screen to accept</source>
        <translation>no hay ninguna sugerencia en pantalla que aceptar</translation>
    </message>
    <message>
        <source>no prompt on screen to decline</source>
        <translation>no hay ninguna sugerencia en pantalla que rechazar</translation>
    </message>
    <message>
        <source>no declined offer on that line</source>
        <translation>no hay ninguna oferta rechazada en esa línea</translation>
    </message>
    <message>
        <source>the offer {rule} no longer exists</source>
        <translation>la oferta {rule} ya no existe</translation>
    </message>
    <message>
        <source>that offer no longer applies: {reason}</source>
        <translation>esa oferta ya no se aplica: {reason}</translation>
    </message>
    <message>
        <source>no line to set the quantity of</source>
        <translation>no hay ninguna línea a la que poner la cantidad</translation>
    </message>
    <message>
        <source>no line with {sku} to void</source>
        <translation>no hay ninguna línea con {sku} que quitar</translation>
    </message>
    <message>
        <source>nobody is signed in at this till: sign in first</source>
        <translation>nadie ha entrado en esta caja: entre primero</translation>
    </message>
    <message>
        <source>the catalog and rules are not read: nothing rings up until they are</source>
        <translation>el catálogo y las reglas no están leídos: no se cobra nada hasta que lo estén</translation>
    </message>
    <message>
        <source>empty scan</source>
        <translation>escaneo vacío</translation>
    </message>
    <message>
        <source>unknown barcode {code}</source>
        <translation>código de barras desconocido {code}</translation>
    </message>
    <message>
        <source>unknown code {code}</source>
        <translation>código desconocido {code}</translation>
    </message>
    <message>
        <source>{name} ({sku}) is not for sale</source>
        <translation>{name} ({sku}) no está a la venta</translation>
    </message>
    <message>
        <source>no open order</source>
        <translation>no hay ningún pedido abierto</translation>
    </message>
    <message>
        <source>nothing to check out: the order is empty</source>
        <translation>nada que cobrar: el pedido está vacío</translation>
    </message>
    <message>
        <source>nothing to pay: the order is empty</source>
        <translation>nada que pagar: el pedido está vacío</translation>
    </message>
    <message>
        <source>nobody called {name} is on the staff list</source>
        <translation>no hay nadie llamado {name} en la lista de personal</translation>
    </message>
    <message>
        <source>{name} is disabled</source>
        <translation>la cuenta de {name} está desactivada</translation>
    </message>
</context>
<context>
    <name>trainer</name>
    <message>
        <source>Trainee</source>
        <translation>Aprendiz</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Escenario</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Aprobado</translation>
    </message>
    <message>
        <source>Time taken</source>
        <translation>Tiempo empleado</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no (needs {score}%)</source>
        <translation>no (necesita {score}%)</translation>
    </message>
    <message>
        <source>{points} of {possible} points</source>
        <translation>{points} de {possible} puntos</translation>
    </message>
    <message>
        <source>{who}, {title}: not tried yet</source>
        <translation>{who}, {title}: aún sin intentar</translation>
    </message>
    <message>
        <source>{n} run</source>
        <translation>{n} práctica</translation>
    </message>
    <message>
        <source>{n} runs</source>
        <translation>{n} prácticas</translation>
    </message>
    <message>
        <source>passed at {mark}%</source>
        <translation>aprobado con {mark}%</translation>
    </message>
    <message>
        <source>not passed yet at {mark}%</source>
        <translation>aún no aprobado con {mark}%</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>not passed yet</source>
        <translation>aún no aprobado</translation>
    </message>
    <message>
        <source>{who}, {title}: best {best}% in {runs}; {verdict}</source>
        <translation>{who}, {title}: mejor {best}% en {runs}; {verdict}</translation>
    </message>
    <message>
        <source>All trainees</source>
        <translation>Todos los aprendices</translation>
    </message>
    <message>
        <source>[PRACTICE] Trainer view — {trainer}</source>
        <translation>[PRÁCTICA] Vista del formador — {trainer}</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Nota de aprobado</translation>
    </message>
    <message>
        <source>Each scenario&apos;s own pass mark</source>
        <translation>La nota de aprobado de cada escenario</translation>
    </message>
    <message>
        <source>Judge each run by the pass score its scenario sets, not by the pass mark here.</source>
        <translation>Juzgar cada práctica por la nota de aprobado que fija su escenario, no por la de aquí.</translation>
    </message>
    <message>
        <source>Import scenario…</source>
        <translation>Importar escenario…</translation>
    </message>
    <message>
        <source>Refresh from the store</source>
        <translation>Actualizar desde la tienda</translation>
    </message>
    <message>
        <source>Copy the real store&apos;s catalog, rules, settings and staff into the practice store again; practice runs and imported scenarios are kept.</source>
        <translation>Volver a copiar el catálogo, las reglas, los ajustes y el personal de la tienda real en la tienda de práctica; las prácticas y los escenarios importados se conservan.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Practice runs</source>
        <translation>Prácticas</translation>
    </message>
    <message>
        <source>Who has passed what: best score of each trainee in each scenario</source>
        <translation>Quién ha aprobado qué: la mejor puntuación de cada aprendiz en cada escenario</translation>
    </message>
    <message>
        <source>Who has passed what (best score)</source>
        <translation>Quién ha aprobado qué (mejor puntuación)</translation>
    </message>
    <message>
        <source>Pass mark {mark}%</source>
        <translation>Nota de aprobado {mark}%</translation>
    </message>
    <message>
        <source>Scenarios&apos; pass mark {mark}%</source>
        <translation>Nota de aprobado de los escenarios {mark}%</translation>
    </message>
    <message>
        <source>{who}&apos;s scores over time</source>
        <translation>Puntuaciones de {who} en el tiempo</translation>
    </message>
    <message>
        <source>Scores over time</source>
        <translation>Puntuaciones en el tiempo</translation>
    </message>
    <message>
        <source>No practice runs yet: they appear here as trainees finish scenarios at the till.</source>
        <translation>Aún no hay prácticas: aparecen aquí a medida que los aprendices terminan escenarios en la caja.</translation>
    </message>
    <message>
        <source>each scenario&apos;s own mark</source>
        <translation>la nota de cada escenario</translation>
    </message>
    <message>
        <source>{runs} by {trainees}; {passes} at {judged}. Practice runs only, never real sales.</source>
        <translation>{runs} de {trainees}; {passes} con {judged}. Solo prácticas, nunca ventas reales.</translation>
    </message>
    <message>
        <source>{n} practice run</source>
        <translation>{n} práctica</translation>
    </message>
    <message>
        <source>{n} practice runs</source>
        <translation>{n} prácticas</translation>
    </message>
    <message>
        <source>{n} trainee</source>
        <translation>{n} aprendiz</translation>
    </message>
    <message>
        <source>{n} trainees</source>
        <translation>{n} aprendices</translation>
    </message>
    <message>
        <source>{n} scenario pass</source>
        <translation>{n} escenario aprobado</translation>
    </message>
    <message>
        <source>{n} scenario passes</source>
        <translation>{n} escenarios aprobados</translation>
    </message>
    <message>
        <source>Export the practice results</source>
        <translation>Exportar los resultados de las prácticas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>Exported {runs} to {path}.</source>
        <translation>Exportadas {runs} a {path}.</translation>
    </message>
    <message>
        <source>Import a scenario</source>
        <translation>Importar un escenario</translation>
    </message>
    <message>
        <source>Scenario files (*.yaml *.yml);;All files (*)</source>
        <translation>Archivos de escenario (*.yaml *.yml);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>y {n} más</translation>
    </message>
    <message>
        <source>Replaced scenario {title} ({id}): {customers}, pass at {score}%. Trainees can pick it at the till now.</source>
        <translation>Sustituido el escenario {title} ({id}): {customers}, se aprueba con {score}%. Los aprendices ya pueden elegirlo en la caja.</translation>
    </message>
    <message>
        <source>Imported scenario {title} ({id}): {customers}, pass at {score}%. Trainees can pick it at the till now.</source>
        <translation>Importado el escenario {title} ({id}): {customers}, se aprueba con {score}%. Los aprendices ya pueden elegirlo en la caja.</translation>
    </message>
    <message>
        <source>{n} customer</source>
        <translation>{n} cliente</translation>
    </message>
    <message>
        <source>{n} customers</source>
        <translation>{n} clientes</translation>
    </message>
    <message>
        <source>{name} is not a practice store beside a real one: there is nothing to refresh it from.</source>
        <translation>{name} no es una tienda de práctica junto a una real: no hay de dónde actualizarla.</translation>
    </message>
    <message>
        <source>This store</source>
        <translation>Esta tienda</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Actualizando…</translation>
    </message>
    <message>
        <source>Copying the catalog, rules, settings and staff from {name}…</source>
        <translation>Copiando el catálogo, las reglas, los ajustes y el personal de {name}…</translation>
    </message>
    <message>
        <source>The practice store was not refreshed ({problem}).</source>
        <translation>La tienda de práctica no se actualizó ({problem}).</translation>
    </message>
    <message>
        <source>Trainer view open for {name}; the till keeps working.</source>
        <translation>Vista del formador abierta para {name}; la caja sigue funcionando.</translation>
    </message>
    <message>
        <source>A practice session is running at the till: refresh once it is over (or stopped).</source>
        <translation>Hay una sesión de práctica en curso en la caja: actualice cuando termine (o se detenga).</translation>
    </message>
</context>
<context>
    <name>uplift</name>
    <message>
        <source>{n} more order with the prompt shown</source>
        <translation>{n} pedido más con la sugerencia mostrada</translation>
    </message>
    <message>
        <source>{n} more orders with the prompt shown</source>
        <translation>{n} pedidos más con la sugerencia mostrada</translation>
    </message>
    <message>
        <source>{n} more held-out order</source>
        <translation>{n} pedido de control más</translation>
    </message>
    <message>
        <source>{n} more held-out orders</source>
        <translation>{n} pedidos de control más</translation>
    </message>
    <message>
        <source>{title}: not enough data yet ({treated} orders with the prompt shown, {held_out} held out); it needs {needs} ({least} in each group).</source>
        <translation>{title}: aún no hay datos suficientes ({treated} pedidos con la sugerencia mostrada, {held_out} de control); necesita {needs} ({least} en cada grupo).</translation>
    </message>
    <message>
        <source>{title} adds about {amount} per order it applies to, between {low} and {high}.</source>
        <translation>{title} añade unos {amount} por pedido al que se aplica, entre {low} y {high}.</translation>
    </message>
    <message>
        <source>{title} loses about {amount} per order it applies to, between {low} and {high}.</source>
        <translation>{title} pierde unos {amount} por pedido al que se aplica, entre {low} y {high}.</translation>
    </message>
    <message>
        <source>{title}: no clear effect yet, somewhere between {low} and {high} per order it applies to (held-out orders spend as much).</source>
        <translation>{title}: aún sin efecto claro, entre {low} y {high} por pedido al que se aplica (los pedidos de control gastan lo mismo).</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} y {second}</translation>
    </message>
</context>
<context>
    <name>whatif</name>
    <message>
        <source>Changed since: run again.</source>
        <translation>Ha cambiado desde entonces: vuelva a ejecutarlo.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was replayed.</source>
        <translation>Cancelado: no se reprodujo nada.</translation>
    </message>
    <message>
        <source>upsell</source>
        <translation>mejora</translation>
    </message>
    <message>
        <source>cross-sell</source>
        <translation>venta cruzada</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>paquete</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>umbral</translation>
    </message>
    <message>
        <source>This is a practice store: practice runs are not sales, so there is nothing to replay. Open the workspace on the real store.</source>
        <translation>Esta es una tienda de práctica: las prácticas no son ventas, así que no hay nada que reproducir. Abra el espacio de trabajo sobre la tienda real.</translation>
    </message>
    <message>
        <source>({n} more problem after this one.)</source>
        <translation>({n} problema más después de este.)</translation>
    </message>
    <message>
        <source>({n} more problems after this one.)</source>
        <translation>({n} problemas más después de este.)</translation>
    </message>
    <message>
        <source>Not tried: {problem} {fix}</source>
        <translation>No se probó: {problem} {fix}</translation>
    </message>
    <message>
        <source>Over the last {n} day</source>
        <translation>En el último {n} día</translation>
    </message>
    <message>
        <source>Over the last {n} days</source>
        <translation>En los últimos {n} días</translation>
    </message>
    <message>
        <source>{span} the store has no paid orders to replay this rule over.</source>
        <translation>{span} la tienda no tiene pedidos pagados sobre los que reproducir esta regla.</translation>
    </message>
    <message>
        <source>{n} order</source>
        <translation>{n} pedido</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} pedidos</translation>
    </message>
    <message>
        <source>{span} this rule would not have been shown on any of the {orders}.</source>
        <translation>{span} esta regla no se habría mostrado en ninguno de los {orders}.</translation>
    </message>
    <message>
        <source>{span} this rule would have been shown on {shown} of {orders}</source>
        <translation>{span} esta regla se habría mostrado en {shown} de {orders}</translation>
    </message>
    <message>
        <source>. {rate}, so there is no rate to expect revenue from.</source>
        <translation>. {rate}, así que no hay tasa con la que esperar ingresos.</translation>
    </message>
    <message>
        <source>; at the store&apos;s {kind} acceptance rate ({rate}, from {prompts}) that is about {accepts} and {revenue} more revenue.</source>
        <translation>; con la tasa de aceptación de {kind} de la tienda ({rate}, de {prompts}) son unas {accepts} y {revenue} más de ingresos.</translation>
    </message>
    <message>
        <source>{n} prompt</source>
        <translation>{n} sugerencia</translation>
    </message>
    <message>
        <source>{n} prompts</source>
        <translation>{n} sugerencias</translation>
    </message>
    <message>
        <source>{n} accept</source>
        <translation>{n} aceptación</translation>
    </message>
    <message>
        <source>{n} accepts</source>
        <translation>{n} aceptaciones</translation>
    </message>
    <message>
        <source>held out (its control group) on {orders}</source>
        <translation>apartada (su grupo de control) en {orders}</translation>
    </message>
    <message>
        <source>kept quiet on {orders} that had already had as many prompts as an order may have</source>
        <translation>callada en {orders} que ya habían tenido tantas sugerencias como puede tener un pedido</translation>
    </message>
    <message>
        <source>{n} more order</source>
        <translation>{n} pedido más</translation>
    </message>
    <message>
        <source>{n} more orders</source>
        <translation>{n} pedidos más</translation>
    </message>
    <message>
        <source> It would also have been {list}.</source>
        <translation> También habría sido {list}.</translation>
    </message>
    <message>
        <source>, and </source>
        <translation>, y </translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>Qué pasaría si…</translation>
    </message>
    <message>
        <source>Replay the rule as it stands in the form over past paid orders (nothing is published): how often it would have been shown, and what it would have brought in</source>
        <translation>Reproducir la regla tal como está en el formulario sobre pedidos pagados pasados (no se publica nada): cuántas veces se habría mostrado, y lo que habría aportado</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>over the last</source>
        <translation>en los últimos</translation>
    </message>
    <message>
        <source>Replaying past orders…</source>
        <translation>Reproduciendo pedidos pasados…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>the rule is not complete</source>
        <translation>la regla no está completa</translation>
    </message>
    <message>
        <source>Not tried: fix the form first: {problem}</source>
        <translation>No se probó: corrija primero el formulario: {problem}</translation>
    </message>
    <message>
        <source>This store has no file to replay orders from.</source>
        <translation>Esta tienda no tiene archivo del que reproducir pedidos.</translation>
    </message>
    <message>
        <source>Could not replay the orders: {problem}</source>
        <translation>No se pudieron reproducir los pedidos: {problem}</translation>
    </message>
    <message>
        <source>Replaying the paid orders of the last {n} day…</source>
        <translation>Reproduciendo los pedidos pagados del último {n} día…</translation>
    </message>
    <message>
        <source>Replaying the paid orders of the last {n} days…</source>
        <translation>Reproduciendo los pedidos pagados de los últimos {n} días…</translation>
    </message>
    <message>
        <source>days must be 1 to {most}, not {days}</source>
        <translation>los días deben ser de 1 a {most}, no {days}</translation>
    </message>
    <message>
        <source>no rate yet: the store showed no {kind} prompt in the last {days} days</source>
        <translation>aún no hay tasa: la tienda no mostró ninguna sugerencia de {kind} en los últimos {days} días</translation>
    </message>
    <message>
        <source>the store&apos;s {kind} prompts of the last {days} days: {accepted} accepted of {shown} prompt shown</source>
        <translation>las sugerencias de {kind} de la tienda de los últimos {days} días: {accepted} de {shown} sugerencia mostrada fue aceptada</translation>
    </message>
    <message>
        <source>the store&apos;s {kind} prompts of the last {days} days: {accepted} accepted of {shown} prompts shown</source>
        <translation>las sugerencias de {kind} de la tienda de los últimos {days} días: {accepted} de {shown} sugerencias mostradas fueron aceptadas</translation>
    </message>
    <message>
        <source>a what-if needs at least one draft rule</source>
        <translation>una simulación necesita al menos una regla borrador</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <source>pos-prompter workspace</source>
        <translation>pos-prompter espacio de trabajo</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Propuestas</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catálogo</translation>
    </message>
    <message>
        <source>Loading the changes published elsewhere (another till or the command line)…</source>
        <translation>Cargando los cambios publicados en otro lugar (otra caja o la línea de órdenes)…</translation>
    </message>
    <message>
        <source>Changes published elsewhere (another till or the command line) are shown.</source>
        <translation>Se muestran los cambios publicados en otro lugar (otra caja o la línea de órdenes).</translation>
    </message>
    <message>
        <source>Draft {rule} from a suggestion: check it and publish it; it stays off until you switch it on.</source>
        <translation>Borrador {rule} a partir de una propuesta: compruébelo y publíquelo; queda desactivado hasta que lo active.</translation>
    </message>
    <message>
        <source>Rule {rule} published: the tills use it from now on.</source>
        <translation>Regla {rule} publicada: las cajas la usan desde ahora.</translation>
    </message>
    <message>
        <source>Password changed. Use the new one from now on.</source>
        <translation>Contraseña cambiada. Use la nueva desde ahora.</translation>
    </message>
    <message>
        <source>An import or export is running: close the workspace once it is done.</source>
        <translation>Hay una importación o exportación en curso: cierre el espacio de trabajo cuando termine.</translation>
    </message>
    <message>
        <source>could not write {path} ({problem})</source>
        <translation>no se pudo escribir {path} ({problem})</translation>
    </message>
    <message>
        <source>Import rules…</source>
        <translation>Importar reglas…</translation>
    </message>
    <message>
        <source>Import catalog…</source>
        <translation>Importar catálogo…</translation>
    </message>
    <message>
        <source>Import past orders…</source>
        <translation>Importar pedidos pasados…</translation>
    </message>
    <message>
        <source>Export rules…</source>
        <translation>Exportar reglas…</translation>
    </message>
    <message>
        <source>Export audit CSV…</source>
        <translation>Exportar CSV de auditoría…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Close workspace</source>
        <translation>Cerrar el espacio de trabajo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importar y exportar</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>Exportar reglas</translation>
    </message>
    <message>
        <source>This store has no file to export from.</source>
        <translation>Esta tienda no tiene archivo desde el que exportar.</translation>
    </message>
    <message>
        <source>Exporting the rules to {path}…</source>
        <translation>Exportando las reglas a {path}…</translation>
    </message>
    <message>
        <source>Exported {n} rule to {path}.</source>
        <translation>Exportada {n} regla a {path}.</translation>
    </message>
    <message>
        <source>Exported {n} rules to {path}.</source>
        <translation>Exportadas {n} reglas a {path}.</translation>
    </message>
    <message>
        <source>The rules were not exported: {problem}</source>
        <translation>Las reglas no se exportaron: {problem}</translation>
    </message>
    <message>
        <source>{actor} still signs in with the published demo password. Anyone can look it up: change it before the store goes live.</source>
        <translation>{actor} aún entra con la contraseña publicada de la demostración. Cualquiera puede consultarla: cámbiela antes de que la tienda empiece a vender.</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Cambiar contraseña…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>The rule being edited has changes that are not published. Discard them?</source>
        <translation>La regla que se está editando tiene cambios sin publicar. ¿Descartarlos?</translation>
    </message>
</context>
</TS>
