(function(){
function val(td){var v=td.getAttribute('data-v');return v===null?td.textContent.trim().toLowerCase():parseFloat(v);}
document.querySelectorAll('table.sort').forEach(function(t){
t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows),d=th.getAttribute('data-d')==='1'?-1:1;
th.setAttribute('data-d',d===1?'1':'0');
rows.sort(function(a,b){var x=val(a.cells[i]||a),y=val(b.cells[i]||b);return (x<y?-1:x>y?1:0)*d;});
rows.forEach(function(r){tb.appendChild(r);});});});});
document.querySelectorAll('input.filter').forEach(function(inp){inp.addEventListener('input',function(){
var q=inp.value.toLowerCase();document.querySelectorAll(inp.getAttribute('data-for')).forEach(function(t){
Array.prototype.forEach.call(t.tBodies[0].rows,function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)<0?'none':'';});});});});
document.querySelectorAll('.toolbar input').forEach(function(c){c.addEventListener('change',function(){
document.getElementById('articles').classList.toggle(c.value,c.checked);});});
function openTarget(){var h=location.hash.slice(1),e=h&&document.getElementById(h);for(;e;e=e.parentElement)if(e.tagName==='DETAILS')e.open=true;}
window.addEventListener('hashchange',openTarget);openTarget();
document.querySelectorAll('a[data-sp]').forEach(function(a){a.addEventListener('click',function(ev){
var sp=a.getAttribute('data-sp'),o=a.getAttribute('data-o'),sel='.q[data-sp="'+sp+'"]';
if(o!==null)sel='article[data-o="'+o+'"] '+sel;
var qs=document.querySelectorAll(sel);if(!qs.length)return;ev.preventDefault();
document.querySelectorAll('.q.on').forEach(function(e){e.classList.remove('on');});
qs.forEach(function(e){e.classList.add('on');});qs[0].scrollIntoView({block:'center'});});});
document.documentElement.setAttribute('data-ready','1');
})();
